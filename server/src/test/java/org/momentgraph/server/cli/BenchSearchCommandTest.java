package org.momentgraph.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchSearchCommandTest {

    @TempDir
    Path dir;

    @Test
    void runsTheModelStackOnRealQueriesAndPrintsOneSaneRowPerSizeAndMethod() throws Exception {
        CapturedCli cli = new CapturedCli();
        Path csv = dir.resolve("out/rows.csv");
        int code = cli.run("bench", "search", "--sizes", "200,300", "--methods", "exact,quantized", "--dim", "32",
                "--queries", "5", "--warmup", "2", "--work", dir.resolve("work").toString(), "--out", csv.toString());
        assertThat(code).as(cli.err.toString()).isZero();
        String table = cli.out.toString();
        assertThat(table).contains("MiniLM-encoded synthetic queries", "model stack", "DualEncoderModel query encoder (H=16",
                "| videos | method |");
        List<String[]> rows = new ArrayList<>();
        for (String line : table.split("\n")) {
            if (line.matches("\\| \\d+ \\| \\w+ \\|.*")) {
                rows.add(line.substring(1, line.length() - 1).trim().split("\\s*\\|\\s*"));
            }
        }
        assertThat(rows).extracting(r -> r[0] + "/" + r[1])
                .containsExactly("200/exact", "200/quantized", "300/exact", "300/quantized");
        for (String[] r : rows) {
            double encodeP50 = Double.parseDouble(r[3]);
            double encodeP99 = Double.parseDouble(r[4]);
            double miniLmP50 = Double.parseDouble(r[5]);
            double totalP50 = Double.parseDouble(r[11]);
            double totalP99 = Double.parseDouble(r[12]);
            double recall = Double.parseDouble(r[13]);
            assertThat(miniLmP50).as("MiniLM really ran").isPositive();
            assertThat(encodeP50).as("the query encoder runs after MiniLM").isGreaterThan(miniLmP50)
                    .isLessThanOrEqualTo(encodeP99);
            assertThat(totalP50).isGreaterThanOrEqualTo(encodeP50).isLessThanOrEqualTo(totalP99);
            assertThat(Double.parseDouble(r[7])).isLessThanOrEqualTo(Double.parseDouble(r[8])); // VR p50 <= p99
            assertThat(Double.parseDouble(r[9])).as("ConvSE moments").isPositive();
            assertThat(recall).isBetween(0.0, 1.0);
            assertThat(Double.parseDouble(r[15])).as("mapped MB").isPositive();
        }
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(5);
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header).startsWith("videos", "stack", "method");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertThat(cells[1]).isEqualTo("model");
            assertThat(Long.parseLong(cells[header.indexOf("heapIndexBytes")])).isPositive();
            assertThat(Double.parseDouble(cells[header.indexOf("encodeP50")])).isPositive();
        }
    }

    @Test
    void runsTheStandInStackWithoutAnyModel() {
        CapturedCli cli = new CapturedCli();
        int code = cli.run("bench", "search", "--stack", "standin", "--no-encoder", "--sizes", "100", "--methods", "exact",
                "--dim", "16", "--queries", "3", "--warmup", "0", "--work", dir.toString());
        assertThat(code).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("random MiniLM-shaped features", "stand-in stack", "| 100 | exact |");
    }

    @Test
    void rejectsAnEmptySizeWithAMessage() {
        CapturedCli cli = new CapturedCli();
        int code = cli.run("bench", "search", "--sizes", "0", "--no-encoder", "--work", dir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(cli.err.toString()).contains("search: need at least one size (each > 0)");
    }
}
