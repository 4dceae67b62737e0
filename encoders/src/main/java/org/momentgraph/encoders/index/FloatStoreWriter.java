package org.momentgraph.encoders.index;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streams float32 rows of fixed width to a file (the format {@link FloatStore} maps), computing its
 * SHA-256 on the way. Memory use is one small staging buffer, whatever the file size.
 */
final class FloatStoreWriter implements AutoCloseable {

    private final Path file;
    private final int width;
    private final MessageDigest sha256;
    private final OutputStream out;
    private final ByteBuffer staging = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long rows;
    private boolean closed;

    FloatStoreWriter(Path file, int width) throws IOException {
        this.file = file;
        this.width = width;
        this.sha256 = newSha256();
        this.out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), sha256);
    }

    /** Appends one row; its length must be the store's width. */
    void writeRow(float[] row, String what) throws IOException {
        if (row.length != width) {
            throw new IllegalArgumentException(what + " has length " + row.length + ", expected " + width);
        }
        for (float v : row) {
            if (staging.remaining() < Float.BYTES) {
                flushStaging();
            }
            staging.putFloat(v);
        }
        rows++;
    }

    long rows() {
        return rows;
    }

    Path file() {
        return file;
    }

    /** Flushes and closes the file; returns its SHA-256 in hex. */
    String finish() throws IOException {
        flushStaging();
        out.close();
        closed = true;
        return HexFormat.of().formatHex(sha256.digest());
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }

    private void flushStaging() throws IOException {
        out.write(staging.array(), 0, staging.position());
        staging.clear();
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
