package org.momentgraph.eval.features;

import java.util.Arrays;

/**
 * A 1-D or 2-D array read from or written to npy: values in C (row-major) order and the shape.
 * A 1-D array of n values is one row of n columns.
 */
public record NpyArray(float[] data, int[] shape) {

    public NpyArray {
        if (shape.length < 1 || shape.length > 2) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " must have 1 or 2 dimensions");
        }
        long count = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            count *= d;
        }
        if (count != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count + " values, data has " + data.length);
        }
    }

    /** Copies a rectangular matrix; its column count is taken from the first row (0 when there are no rows). */
    public static NpyArray of(float[][] matrix) {
        int rows = matrix.length;
        int cols = rows == 0 ? 0 : matrix[0].length;
        return of(matrix, cols);
    }

    /** Copies a rectangular matrix of {@code cols} columns; keeps the column count even with no rows. */
    public static NpyArray of(float[][] matrix, int cols) {
        float[] data = new float[Math.multiplyExact(matrix.length, cols)];
        for (int r = 0; r < matrix.length; r++) {
            if (matrix[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + matrix[r].length + " values, expected " + cols);
            }
            System.arraycopy(matrix[r], 0, data, r * cols, cols);
        }
        return new NpyArray(data, new int[] {matrix.length, cols});
    }

    public int rows() {
        return shape.length == 1 ? 1 : shape[0];
    }

    public int cols() {
        return shape.length == 1 ? shape[0] : shape[1];
    }

    /** The values as [rows][cols]. */
    public float[][] toMatrix() {
        int rows = rows();
        int cols = cols();
        float[][] matrix = new float[rows][];
        for (int r = 0; r < rows; r++) {
            matrix[r] = Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
        }
        return matrix;
    }
}
