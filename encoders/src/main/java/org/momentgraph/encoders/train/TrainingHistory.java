package org.momentgraph.encoders.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.momentgraph.domain.AtomicFiles;
import org.momentgraph.domain.DataFormatException;

/**
 * The epochs of a run so far, saved after every epoch as {@code history.csv} (one row per epoch:
 * losses, metrics, time, throughput), {@code steps.csv} (total loss per step), {@code loss.png}
 * and {@code metrics.png}; serialised into checkpoints so a resumed run keeps its curves.
 */
public final class TrainingHistory {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<EpochRecord> epochs;

    public TrainingHistory() {
        this(new ArrayList<>());
    }

    private TrainingHistory(List<EpochRecord> epochs) {
        this.epochs = epochs;
    }

    public void add(EpochRecord record) {
        epochs.add(record);
    }

    public List<EpochRecord> epochs() {
        return List.copyOf(epochs);
    }

    public String toJson() {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(epochs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TrainingHistory fromJson(String json, String source) {
        try {
            return new TrainingHistory(new ArrayList<>(MAPPER.readValue(json, new TypeReference<List<EpochRecord>>() { })));
        } catch (IOException e) {
            throw new DataFormatException(source, "$", null, "not a training history: " + e.getMessage(), e);
        }
    }

    /** Writes the CSVs and the plots into {@code dir}, each atomically. */
    public void write(Path dir) {
        Set<String> lossNames = new LinkedHashSet<>();
        Set<String> metricNames = new LinkedHashSet<>();
        epochs.forEach(e -> {
            lossNames.addAll(e.losses().keySet());
            metricNames.addAll(e.metrics().keySet());
        });
        StringBuilder csv = new StringBuilder("epoch");
        lossNames.forEach(n -> csv.append(",loss_").append(n));
        metricNames.forEach(n -> csv.append(',').append(n.replace(',', ';')));
        csv.append(",train_seconds,queries_per_second,learning_rate\n");
        StringBuilder steps = new StringBuilder("epoch,step,total_loss\n");
        for (EpochRecord e : epochs) {
            csv.append(e.epoch());
            lossNames.forEach(n -> csv.append(',').append(number(e.losses().get(n))));
            metricNames.forEach(n -> csv.append(',').append(number(e.metrics().get(n))));
            csv.append(',').append(number(e.trainSeconds())).append(',').append(number(e.queriesPerSecond()))
                    .append(',').append(number(e.learningRate())).append('\n');
            for (int s = 0; s < e.stepTotals().size(); s++) {
                steps.append(e.epoch()).append(',').append(s + 1).append(',').append(number(e.stepTotals().get(s)))
                        .append('\n');
            }
        }
        AtomicFiles.writeString(dir.resolve("history.csv"), csv.toString());
        AtomicFiles.writeString(dir.resolve("steps.csv"), steps.toString());
        plot(dir.resolve("loss.png"), "Training loss (epoch mean)", "loss", lossNames, true);
        if (!metricNames.isEmpty()) {
            plot(dir.resolve("metrics.png"), "Validation", "score (%)", metricNames, false);
        }
    }

    private void plot(Path file, String title, String yTitle, Set<String> names, boolean losses) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(540).title(title).xAxisTitle("epoch")
                .yAxisTitle(yTitle).build();
        for (String name : names) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (EpochRecord e : epochs) {
                Double v = losses ? e.losses().get(name) : e.metrics().get(name);
                if (v != null && Double.isFinite(v)) {
                    x.add((double) e.epoch());
                    y.add(v);
                }
            }
            if (!x.isEmpty()) {
                chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            return;
        }
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            AtomicFiles.write(file, out -> out.write(png));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + file, e);
        }
    }

    private static String number(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
