package io.studycollab.realtime.presence;

import java.util.Comparator;

/**
 * Compares names the way people read them: runs of digits by their value, so "Virtual 2" comes
 * before "Virtual 10"; letters without regard to case. Ties fall back to plain string order so the
 * order is total.
 */
public final class NaturalOrder implements Comparator<String> {

    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {}

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int byValue = compareDigits(a, skipZeros(a, i, endA), endA, b, skipZeros(b, j, endB), endB);
                if (byValue != 0) {
                    return byValue;
                }
                i = endA;
                j = endB;
            } else {
                int byChar = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (byChar != 0) {
                    return byChar;
                }
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static int skipZeros(String s, int from, int end) {
        while (from < end - 1 && s.charAt(from) == '0') {
            from++;
        }
        return from;
    }

    // Digit runs of any length (no overflow): the longer run is larger, equal lengths compare digit by digit.
    private static int compareDigits(String a, int fromA, int endA, String b, int fromB, int endB) {
        int byLength = Integer.compare(endA - fromA, endB - fromB);
        if (byLength != 0) {
            return byLength;
        }
        for (int k = 0; k < endA - fromA; k++) {
            int d = Character.compare(a.charAt(fromA + k), b.charAt(fromB + k));
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }
}
