package io.jray.it;

import io.jray.api.RemoteTask;

/** Remote functions with overloads: the same name at two arities, and a void one beside one that returns. */
@RemoteTask
public class Words {

    public int len(String word) {
        return word.length();
    }

    public int len(String word, int times) {
        return word.length() * times;
    }

    public String shout(String word) {
        return word.toUpperCase();
    }
}
