package org.momentgraph.eval.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounds and prints numbers the way the official Python evaluators do. Python's {@code round(x, 2)}
 * and {@code f"{x:.2f}"} both round the exact binary value half-to-even; {@code json.dumps} then
 * prints the shortest repr ("32.2", "10.0"). {@code String.format} would round half-up, and
 * Java 17's {@code Double.toString} is not always the shortest repr, so neither is used.
 */
public final class OfficialRounding {

    private OfficialRounding() {
    }

    /** {@code round(x, 2)}; NaN and infinities pass through. */
    public static double round2(double x) {
        if (!Double.isFinite(x)) {
            return x;
        }
        return exact2(x).doubleValue();
    }

    /** {@code round(fraction * 100, 2)}: TVRetrieval's get_rounded_percentage and Moment-DETR's formatting. */
    public static double percent(double fraction) {
        return round2(fraction * 100);
    }

    /** Python's repr of a value already rounded to 2 decimals, e.g. "32.2", "10.0", "0.49". */
    public static String repr(double rounded) {
        if (!Double.isFinite(rounded)) {
            return Double.isNaN(rounded) ? "nan" : rounded > 0 ? "inf" : "-inf";
        }
        return shortest(rounded).toString();
    }

    /** A JSON number that prints as Python prints the rounded value; null for NaN (JSON has no NaN). */
    public static JsonNode json(double rounded) {
        return Double.isFinite(rounded) ? DecimalNode.valueOf(shortest(rounded))
                : com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }

    private static BigDecimal exact2(double x) {
        return new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal shortest(double rounded) {
        BigDecimal d = exact2(rounded).stripTrailingZeros();
        return d.scale() < 1 ? d.setScale(1) : d;
    }
}
