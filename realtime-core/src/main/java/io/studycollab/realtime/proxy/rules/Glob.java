package io.studycollab.realtime.proxy.rules;

import java.util.regex.Pattern;

/** A name pattern: {@code *} any run of characters, {@code ?} one character, the rest literal. */
public final class Glob {

    private final String text;
    private final Pattern pattern;

    private Glob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    public static Glob of(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("empty name pattern");
        }
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        return new Glob(glob, Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    public boolean matches(String name) {
        return name != null && pattern.matcher(name).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
