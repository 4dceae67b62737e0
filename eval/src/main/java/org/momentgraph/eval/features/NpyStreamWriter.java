package org.momentgraph.eval.features;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.momentgraph.domain.AtomicFiles;
import org.momentgraph.domain.Video;

/**
 * Writes a feature-only corpus with bounded memory: each video's [clips, dim] float32 rows are
 * appended to one {@code corpus.npy}, and a line per video to {@code corpus.index.tsv}
 * ({@link FeatureIndex}). Both go to hidden temporary files; {@link #close()} rewrites the npy header
 * with the final row count and renames the npy, then the index, over their targets. Memory is one
 * write buffer plus the set of ids (to refuse duplicates). Read the pair with {@link ShardedNpyFeatures}.
 *
 * <pre>{@code
 * try (NpyStreamWriter out = NpyStreamWriter.create(Path.of("corpus.npy"), 256)) {
 *     out.append(new Video("v1", 80.0, 2.0), clipsOfV1);
 * }
 * }</pre>
 */
public final class NpyStreamWriter implements AutoCloseable {

    private final Path target;
    private final Path indexTarget;
    private final Path tmp;
    private final Path indexTmp;
    private final FileChannel channel;
    private final BufferedWriter index;
    private final ByteBuffer buffer;
    private final int dim;
    private final Set<String> ids = new HashSet<>();
    private long rows;
    private boolean done;

    private NpyStreamWriter(Path target, int dim, int bufferBytes) throws IOException {
        this.target = target.toAbsolutePath();
        this.indexTarget = FeatureIndex.pathFor(this.target);
        this.dim = dim;
        Path dir = this.target.getParent();
        Files.createDirectories(dir);
        this.tmp = AtomicFiles.createTempFile(target);
        this.indexTmp = AtomicFiles.createTempFile(indexTarget);
        this.channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        this.index = Files.newBufferedWriter(indexTmp, StandardCharsets.UTF_8);
        this.buffer = ByteBuffer.allocateDirect(Math.max(bufferBytes, dim * 4)).order(ByteOrder.LITTLE_ENDIAN);
        channel.position(NpyHeader.FIXED_HEADER_BYTES);
        index.write(FeatureIndex.HEADER);
        index.write('\n');
    }

    /** Starts a corpus of {@code dim}-column rows at {@code target} (a .npy path), buffering 1 MiB. */
    public static NpyStreamWriter create(Path target, int dim) {
        return create(target, dim, 1 << 20);
    }

    public static NpyStreamWriter create(Path target, int dim, int bufferBytes) {
        if (dim <= 0) {
            throw new IllegalArgumentException("dim must be positive, was " + dim);
        }
        try {
            return new NpyStreamWriter(target, dim, bufferBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + target + ": " + e.getMessage(), e);
        }
    }

    public void append(Video video, float[][] clips) {
        append(video.id(), clips, video.duration(), video.clipLength());
    }

    /** Appends a video's [clips, dim] rows. */
    public void append(String videoId, float[][] clips, double duration, double clipLength) {
        for (int r = 0; r < clips.length; r++) {
            if (clips[r].length != dim) {
                throw new IllegalArgumentException("video " + videoId + " row " + r + " has dim " + clips[r].length + ", corpus dim is " + dim);
            }
        }
        begin(videoId, clips.length, duration, clipLength);
        for (float[] row : clips) {
            put(row, 0, dim);
        }
        finish(videoId, clips.length, duration, clipLength);
    }

    /** Appends {@code rowCount} rows held in C order in {@code flat} (length at least rowCount * dim). */
    public void append(String videoId, float[] flat, int rowCount, double duration, double clipLength) {
        if (rowCount < 0 || (long) rowCount * dim > flat.length) {
            throw new IllegalArgumentException(rowCount + " rows of dim " + dim + " need " + (long) rowCount * dim + " values, have " + flat.length);
        }
        begin(videoId, rowCount, duration, clipLength);
        for (int start = 0; start < rowCount * dim; start += dim) {
            put(flat, start, dim);
        }
        finish(videoId, rowCount, duration, clipLength);
    }

    private void begin(String videoId, int rowCount, double duration, double clipLength) {
        if (done) {
            throw new IllegalStateException("writer for " + target + " is closed");
        }
        if (videoId == null || videoId.isEmpty() || videoId.indexOf('\t') >= 0 || videoId.indexOf('\n') >= 0 || videoId.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("video id '" + videoId + "' must be non-empty without tabs or line breaks");
        }
        if (!(duration > 0) || !(clipLength > 0) || !Double.isFinite(duration) || !Double.isFinite(clipLength)) {
            throw new IllegalArgumentException("video " + videoId + " needs finite duration > 0 and clipLength > 0");
        }
        if (!ids.add(videoId)) {
            throw new IllegalArgumentException("video " + videoId + " was already appended");
        }
    }

    private void put(float[] values, int offset, int count) {
        if (buffer.remaining() < count * 4) {
            flush();
        }
        buffer.asFloatBuffer().put(values, offset, count);
        buffer.position(buffer.position() + count * 4);
    }

    private void finish(String videoId, int rowCount, double duration, double clipLength) {
        try {
            index.write(FeatureIndex.line(videoId, rows, rowCount, duration, clipLength));
        } catch (IOException e) {
            throw failed(e);
        }
        rows += rowCount;
    }

    private void flush() {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw failed(e);
        }
        buffer.clear();
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    public int videos() {
        return ids.size();
    }

    /** Publishes the corpus: final header, then npy and index renamed over their targets. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        flush();
        try {
            channel.write(ByteBuffer.wrap(NpyHeader.encode(NpyDtype.FLOAT32_LE, new long[] {rows, dim}, NpyHeader.FIXED_HEADER_BYTES)), 0);
            channel.close();
            index.close();
            done = true;
            AtomicFiles.move(tmp, target);
            AtomicFiles.move(indexTmp, indexTarget);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Drops everything written; the targets keep their old content. */
    public void abort() {
        done = true;
        try {
            channel.close();
            index.close();
        } catch (IOException ignored) {
            // deleting the temporaries below is all that matters
        }
        try {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(indexTmp);
        } catch (IOException ignored) {
            // hidden *.tmp files left behind lose no data
        }
    }

    private UncheckedIOException failed(IOException e) {
        abort();
        return new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
}
