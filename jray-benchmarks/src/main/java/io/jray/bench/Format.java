package io.jray.bench;

import java.util.Locale;

/** How the report writes numbers and target rows. */
final class Format {

    private Format() {
    }

    /** A whole number with thousands separators, such as {@code 15,077}. */
    static String num(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** A number with two decimals, such as {@code 7.03}. */
    static String dec(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A row of the targets table. */
    static String target(String target, String measured, boolean met) {
        return "| " + target + " | " + measured + " | " + (met ? "met" : "**missed**") + " |\n";
    }
}
