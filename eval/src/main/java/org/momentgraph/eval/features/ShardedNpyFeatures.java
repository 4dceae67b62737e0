package org.momentgraph.eval.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.Video;

/**
 * Reads a corpus written by {@link NpyStreamWriter}: the index is parsed into arrays and the npy is
 * memory-mapped in segments of at most 1 GiB (a mapping cannot exceed 2 GiB), so opening costs
 * O(index) time and memory whatever the corpus size, and a video's rows are copied out on demand.
 * Safe for concurrent readers.
 */
public final class ShardedNpyFeatures implements ClipFeatures {

    private static final long SEGMENT_BYTES = 1L << 30;

    private final Path npy;
    private final FeatureIndex index;
    private final int dim;
    private final long rowsPerSegment;
    private final FloatBuffer[] segments;
    private final long rows;

    private ShardedNpyFeatures(Path npy, FeatureIndex index, int dim, long rows, long rowsPerSegment, FloatBuffer[] segments) {
        this.npy = npy;
        this.rows = rows;
        this.index = index;
        this.dim = dim;
        this.rowsPerSegment = rowsPerSegment;
        this.segments = segments;
    }

    /** Opens {@code corpus.npy} with {@code corpus.index.tsv} beside it. */
    public static ShardedNpyFeatures open(Path npy) {
        return open(npy, FeatureIndex.pathFor(npy));
    }

    public static ShardedNpyFeatures open(Path npy, Path indexFile) {
        return open(npy, indexFile, SEGMENT_BYTES);
    }

    /** Maps segments of at most {@code segmentBytes} (rounded down to whole rows); small values let tests cross segments. */
    static ShardedNpyFeatures open(Path npy, Path indexFile, long segmentBytes) {
        FeatureIndex index = FeatureIndex.read(indexFile);
        String name = npy.toString();
        try (FileChannel channel = FileChannel.open(npy)) {
            NpyHeader header = Npy.readHeader(npy);
            if (header.dtype().kind() != 'f' || header.dtype().size() != 4) {
                throw new DataFormatException(name, "byte 10", "descr",
                        "dtype " + header.dtype().descr() + " cannot be memory-mapped as floats; need <f4 or >f4");
            }
            if (header.shape().length != 2 || header.fortranOrder()) {
                throw new DataFormatException(name, "byte 10", "shape",
                        "need a C-order [rows, dim] array, header has shape " + Arrays.toString(header.shape())
                                + (header.fortranOrder() ? " in Fortran order" : ""));
            }
            long rows = header.rows();
            int dim = Math.toIntExact(header.cols());
            long expected = header.dataOffset() + header.dataBytes();
            if (channel.size() != expected) {
                throw new DataFormatException(name, "byte " + header.dataOffset(), "data", "header says " + rows + " rows of dim " + dim
                        + " = " + expected + " bytes in all, file has " + channel.size() + (channel.size() < expected ? " (truncated)" : ""));
            }
            if (index.endRow() != rows) {
                throw new DataFormatException(indexFile.toString(), "line " + (index.size() + 1), "row_count",
                        "index covers rows 0.." + index.endRow() + " but " + npy.getFileName() + " has " + rows
                                + " rows; the pair does not belong together");
            }
            long rowBytes = 4L * Math.max(dim, 1);
            long rowsPerSegment = Math.max(1, Math.min(segmentBytes, SEGMENT_BYTES) / rowBytes);
            int count = Math.toIntExact((rows + rowsPerSegment - 1) / rowsPerSegment);
            FloatBuffer[] segments = new FloatBuffer[count];
            for (int s = 0; s < count; s++) {
                long firstRow = s * rowsPerSegment;
                long segmentRows = Math.min(rowsPerSegment, rows - firstRow);
                segments[s] = channel.map(FileChannel.MapMode.READ_ONLY, header.dataOffset() + firstRow * 4L * dim, segmentRows * 4L * dim)
                        .order(header.dtype().order()).asFloatBuffer();
            }
            return new ShardedNpyFeatures(npy, index, dim, rows, rowsPerSegment, segments);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + npy + ": " + e.getMessage(), e);
        }
    }

    @Override
    public float[][] get(String videoId) {
        int at = index.position(videoId);
        if (at < 0) {
            throw new DataFormatException(npy.toString(), videoId, null,
                    "no video '" + videoId + "' in the index (" + index.size() + " videos)");
        }
        long first = index.firstRows[at];
        float[][] clips = new float[index.rowCounts[at]][dim];
        for (int i = 0; i < clips.length; i++) {
            long row = first + i;
            segments[(int) (row / rowsPerSegment)].get((int) (row % rowsPerSegment) * dim, clips[i], 0, dim);
        }
        return clips;
    }

    /** The video's duration and clip length as the writer recorded them. */
    public Video video(String videoId) {
        int at = index.position(videoId);
        if (at < 0) {
            throw new DataFormatException(npy.toString(), videoId, null, "no video '" + videoId + "' in the index");
        }
        return new Video(videoId, index.durations[at], index.clipLengths[at]);
    }

    /** Video ids in the order they were written; a view over the index, no copy. */
    @Override
    public Set<String> keys() {
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return Arrays.asList(index.ids).iterator();
            }

            @Override
            public int size() {
                return index.size();
            }

            @Override
            public boolean contains(Object o) {
                return o instanceof String id && index.position(id) >= 0;
            }
        };
    }

    @Override
    public boolean contains(String key) {
        return index.position(key) >= 0;
    }

    @Override
    public int dim() {
        return dim;
    }

    /** Rows of all videos together. */
    public long rows() {
        return rows;
    }

    @Override
    public String source() {
        return npy.toString();
    }
}
