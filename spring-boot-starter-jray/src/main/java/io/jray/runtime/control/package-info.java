/**
 * The control plane: the runtime's one door to Redis. Every Redis command of a node goes through
 * this package, by area: {@link io.jray.runtime.control.ControlPlane} (the task lifecycle, one Lua
 * script call per job and batch), {@link io.jray.runtime.control.ObjectDirectory} (objects),
 * {@link io.jray.runtime.control.ActorRecords} (actors), {@link io.jray.runtime.control.Membership}
 * (nodes), {@link io.jray.runtime.control.Streams} and {@link io.jray.runtime.control.StreamReader}
 * (the one blocking-read loop of every reader), jobs, the inbox and the readers of records. What
 * lives in Redis is defined here once: {@link io.jray.runtime.control.Keys},
 * {@link io.jray.runtime.control.RecordField} and the other schema enums, which the scripts take
 * their names from ({@link io.jray.runtime.control.ScriptSchema}). It knows neither the driver,
 * the worker nor the node.
 */
package io.jray.runtime.control;
