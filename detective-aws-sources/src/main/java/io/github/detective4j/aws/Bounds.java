package io.github.detective4j.aws;

/** The range check of the readers' builder settings, with one wording for every setting. */
final class Bounds {
    private Bounds() {}

    /**
     * Returns a setting that lies in {@code [min, max]}.
     *
     * @throws IllegalArgumentException naming the setting, the range and the value, when it does not
     */
    static int require(String setting, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(setting + " must be from " + min + " to " + max + ", was " + value);
        }
        return value;
    }
}
