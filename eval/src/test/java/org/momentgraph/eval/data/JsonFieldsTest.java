package org.momentgraph.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.DataFormatException;

class JsonFieldsTest {

    private final JsonNode record = read("{\"n\": 2.5, \"s\": \"x\", \"inf\": 1e400, \"a\": [1, \"b\"], \"o\": {\"k\": null}}");

    @Test
    void readsPresentFieldsOfTheRightType() {
        JsonFields fields = JsonFields.atLine("f.jsonl", 3);

        assertThat(fields.number(record, "n")).isEqualTo(2.5);
        assertThat(fields.text(record, "s")).isEqualTo("x");
        assertThat(fields.array(record, "a").size()).isEqualTo(2);
        assertThat(fields.object(record, "o").has("k")).isTrue();
    }

    @Test
    void idsAreIntegersOrStringsAndOptionalTextFallsBack() {
        JsonFields fields = JsonFields.atLine("f.jsonl", 3);
        JsonNode ids = read("{\"qid\": 2579, \"desc_id\": \"syn-7\", \"bad\": 1.5, \"none\": null}");

        assertThat(fields.id(ids, "qid")).isEqualTo("2579");
        assertThat(fields.id(ids, "desc_id")).isEqualTo("syn-7");
        DataFormatException e = catchThrowableOfType(DataFormatException.class, () -> fields.id(ids, "bad"));
        assertThat(e.getMessage()).isEqualTo("f.jsonl:line 3 field 'bad': expected an integer or a string, got number 1.5");

        assertThat(fields.textOr(ids, "desc_id", "")).isEqualTo("syn-7");
        assertThat(fields.textOr(ids, "none", "fallback")).isEqualTo("fallback");
        assertThat(fields.textOr(ids, "absent", "")).isEmpty();
        e = catchThrowableOfType(DataFormatException.class, () -> fields.textOr(ids, "qid", ""));
        assertThat(e.field()).isEqualTo("qid");
    }

    @Test
    void namesLineAndNestedFieldInLineFiles() {
        JsonFields fields = JsonFields.atLine("f.jsonl", 3);

        DataFormatException e = catchThrowableOfType(DataFormatException.class,
                () -> fields.finiteNumbers(record, "a", 2));
        assertThat(e.getMessage()).isEqualTo("f.jsonl:line 3 field 'a[1]': expected a number, got string \"b\"");

        e = catchThrowableOfType(DataFormatException.class, () -> fields.nested("o").text(record.get("o"), "k"));
        assertThat(e.location()).isEqualTo("line 3");
        assertThat(e.field()).isEqualTo("o.k");
        assertThat(e.getMessage()).endsWith("expected a value, got null");

        e = catchThrowableOfType(DataFormatException.class, () -> fields.finiteNumber(record, "inf"));
        assertThat(e.getMessage()).endsWith("expected a finite number, got Infinity");
    }

    @Test
    void namesTheFullJsonPathInJsonFiles() {
        JsonFields fields = JsonFields.atPath("f.json", "$" + JsonFields.key("s30-d52.avi"));

        DataFormatException e = catchThrowableOfType(DataFormatException.class, () -> fields.text(record, "n"));
        assertThat(e.location()).isEqualTo("$[\"s30-d52.avi\"].n");
        assertThat(e.field()).isEqualTo("n");
        assertThat(e.getMessage()).endsWith("expected a string, got number 2.5");

        e = catchThrowableOfType(DataFormatException.class, () -> fields.nested("bbox" + JsonFields.key("12") + "[0]")
                .array(record, "missing"));
        assertThat(e.location()).isEqualTo("$[\"s30-d52.avi\"].bbox[\"12\"][0].missing");
        assertThat(e.getMessage()).endsWith("missing");
    }

    @Test
    void describesValuesForProblemTexts() {
        assertThat(JsonFields.describe(record.get("a"))).isEqualTo("array of 2 elements");
        assertThat(JsonFields.describe(record.get("o"))).isEqualTo("object");
        assertThat(JsonFields.describe(null)).isEqualTo("null");
        assertThat(JsonFields.quote("say \"hi\"\n")).isEqualTo("\"say \\\"hi\\\"\\n\"");
        assertThat(JsonFields.quote("x".repeat(50))).hasSize(45).endsWith("...\"");
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
