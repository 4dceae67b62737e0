package org.momentgraph.eval.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the subset of Python literals an npy header uses: a dict with string keys whose values are
 * strings, True/False, integers, tuples of integers (as {@code long[]}) or lists (structured dtypes,
 * returned as a List so the caller can reject them by name).
 */
final class PythonLiteral {

    private final String text;
    private int at;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException naming the character offset where the text stops being a literal */
    static Map<String, Object> parseDict(String text) {
        PythonLiteral parser = new PythonLiteral(text);
        Object value = parser.value();
        parser.skipSpace();
        if (parser.at != text.length()) {
            throw parser.error("unexpected text after the dict");
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw parser.error("expected a dict");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> dict = (Map<String, Object>) map;
        return dict;
    }

    private Object value() {
        skipSpace();
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(at);
        if (c == '{') {
            return dict();
        }
        if (c == '(' || c == '[') {
            return sequence(c == '(' ? ')' : ']', c == '(');
        }
        if (c == '\'' || c == '"') {
            return string();
        }
        if (text.startsWith("True", at)) {
            at += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("False", at)) {
            at += 5;
            return Boolean.FALSE;
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = at++;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            // NumPy < 1.x on some platforms wrote longs as 15L
            String digits = text.substring(start, at);
            if (at < text.length() && text.charAt(at) == 'L') {
                at++;
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw error("bad integer '" + digits + "'");
            }
        }
        throw error("unexpected character '" + c + "'");
    }

    private Map<String, Object> dict() {
        Map<String, Object> map = new LinkedHashMap<>();
        at++; // {
        while (true) {
            skipSpace();
            if (peek('}')) {
                at++;
                return map;
            }
            Object key = value();
            if (!(key instanceof String name)) {
                throw error("dict key must be a string");
            }
            skipSpace();
            expect(':');
            map.put(name, value());
            skipSpace();
            if (peek(',')) {
                at++;
            } else if (!peek('}')) {
                throw error("expected ',' or '}'");
            }
        }
    }

    /** A tuple of integers becomes long[]; anything else (a list) a List. */
    private Object sequence(char close, boolean tuple) {
        at++;
        List<Object> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek(close)) {
                at++;
                break;
            }
            items.add(value());
            skipSpace();
            if (peek(',')) {
                at++;
            } else if (!peek(close)) {
                throw error("expected ',' or '" + close + "'");
            }
        }
        if (tuple && items.stream().allMatch(Long.class::isInstance)) {
            return items.stream().mapToLong(Long.class::cast).toArray();
        }
        return items;
    }

    private String string() {
        char quote = text.charAt(at++);
        int end = text.indexOf(quote, at);
        if (end < 0) {
            throw error("unterminated string");
        }
        String value = text.substring(at, end);
        at = end + 1;
        return value;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        at++;
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at character " + at);
    }
}
