package org.momentgraph.eval.predictions;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.momentgraph.domain.Moment;

/**
 * A TVR submission as TVRetrieval's {@code standalone_eval/eval.py} reads it: per task a list of
 * ranked predictions, and {@code video2idx}, the map from video name to the integer index that the
 * file's prediction rows carry. In memory every {@link Moment} names its video; the index exists only
 * in the file.
 */
public record TvrSubmission(Map<String, Integer> video2idx, Map<TvrTask, List<RankedMoments>> tasks) {

    public TvrSubmission {
        video2idx = Collections.unmodifiableMap(new LinkedHashMap<>(video2idx));
        EnumMap<TvrTask, List<RankedMoments>> copy = new EnumMap<>(TvrTask.class);
        tasks.forEach((task, list) -> copy.put(task, List.copyOf(list)));
        tasks = Collections.unmodifiableMap(copy);
        for (List<RankedMoments> list : tasks.values()) {
            for (RankedMoments ranked : list) {
                for (Moment m : ranked.moments()) {
                    if (!video2idx.containsKey(m.videoId())) {
                        throw new IllegalArgumentException("query " + ranked.queryId() + " predicts video '"
                                + m.videoId() + "', which video2idx lacks");
                    }
                }
            }
        }
    }

    /** A submission whose video2idx numbers the predicted videos 0, 1, ... in order of first appearance. */
    public static TvrSubmission of(Map<TvrTask, List<RankedMoments>> tasks) {
        Map<String, Integer> video2idx = new LinkedHashMap<>();
        for (TvrTask task : TvrTask.values()) {
            for (RankedMoments ranked : tasks.getOrDefault(task, List.of())) {
                for (Moment m : ranked.moments()) {
                    video2idx.putIfAbsent(m.videoId(), video2idx.size());
                }
            }
        }
        return new TvrSubmission(video2idx, tasks);
    }

    public boolean has(TvrTask task) {
        return tasks.containsKey(task);
    }

    /** The task's predictions; fails when the submission has none for it. */
    public List<RankedMoments> predictions(TvrTask task) {
        List<RankedMoments> list = tasks.get(task);
        if (list == null) {
            throw new IllegalArgumentException("the submission has no " + task + " predictions");
        }
        return list;
    }
}
