package org.momentgraph.eval.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Query ids live as strings in memory, but TVR's desc_id and QVHighlights' qid are JSON integers;
 * writing an integer-looking id back as a number keeps files byte-compatible with the official tools.
 */
public final class JsonIds {

    private static final Pattern CANONICAL_LONG = Pattern.compile("-?(0|[1-9][0-9]{0,17})");

    private JsonIds() {
    }

    public static void write(JsonGenerator g, String id) throws IOException {
        if (CANONICAL_LONG.matcher(id).matches()) {
            g.writeNumber(Long.parseLong(id));
        } else {
            g.writeString(id);
        }
    }

    /** The id at the parser's current token, or null when it is neither an integer nor a string. */
    public static String read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        return null;
    }
}
