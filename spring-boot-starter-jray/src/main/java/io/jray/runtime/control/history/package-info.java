/**
 * The task history: the cluster's event stream indexed into bitmaps and rows in Redis, read page by
 * page.
 */
package io.jray.runtime.control.history;
