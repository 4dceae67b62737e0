"""Writes the small NumPy / h5py fixtures the feature tests read (run once by hand; tests need no python).

Values are arange-based so the Java tests can recompute them: element k (C order) of each array is
k * scale + offset, as noted per file.
"""
import numpy as np
import h5py


def ar(rows, cols, dtype, scale=1.0, offset=0.0):
    return (np.arange(rows * cols, dtype=np.float64) * scale + offset).reshape(rows, cols).astype(dtype)


# npy dtypes, byte orders, versions, Fortran order (k * scale + offset in C order)
np.save("np_f4_le.npy", ar(2, 3, "<f4", 0.5, -1.0))
np.save("np_f8_be.npy", ar(2, 3, ">f8", 0.25, 1.0))
np.save("np_f4_be.npy", ar(3, 2, ">f4", 1.5, 0.0))
np.save("np_i4_le.npy", ar(2, 3, "<i4", 7, -5))
np.save("np_i4_be.npy", ar(2, 3, ">i4", 7, -5))
np.save("np_i8_le.npy", ar(2, 3, "<i8", 1000, -3))
np.save("np_i8_be.npy", ar(2, 3, ">i8", 1000, -3))
np.save("np_u1.npy", ar(2, 3, "|u1", 40, 1))
np.save("np_f2_1d.npy", ar(1, 5, "<f2", 0.5, 0.0).reshape(5))
np.save("np_fortran_f4.npy", np.asfortranarray(ar(2, 3, "<f4", 1.0, 0.0)))
with open("np_v2_f4.npy", "wb") as f:
    np.lib.format.write_array(f, ar(2, 3, "<f4", 0.5, -1.0), version=(2, 0))
with open("np_v3_f4.npy", "wb") as f:
    np.lib.format.write_array(f, ar(2, 3, "<f4", 0.5, -1.0), version=(3, 0))

# an .npz is a zip; the .zip name keeps it apart from the benchmark .npz files of ../shared
with open("np_compressed.zip", "wb") as f:
    np.savez_compressed(f, a=ar(3, 4, "<f4", 0.5, 0.0), b=ar(2, 4, "<f8", -1.0, 2.0))

# TVR-style video features: one dataset per video id, [clips, dim]; k * 0.5 for the first, k / 8 for the second
with h5py.File("h5py_video_feats.h5", "w") as f:
    f.create_dataset("s01e02_seg02_clip_12", data=ar(4, 6, "<f4", 0.5, 0.0))
    f.create_dataset("s01e02_seg02_clip_13", data=ar(3, 6, "<f8", 0.125, 0.0))
    f.create_dataset("s01e03_seg01_clip_00", data=ar(5, 6, "<f4", 1.0, -2.0), chunks=(2, 6), compression="gzip")

# TVR-style query token features: dataset name = str(desc_id), [tokens, dim]
with h5py.File("h5py_query_feats.h5", "w") as f:
    f.create_dataset("90200", data=ar(7, 8, "<f4", 0.25, 0.0))
    f.create_dataset("90201", data=ar(3, 8, "<f4", -0.5, 1.0))

# datasets every reader must refuse
with h5py.File("h5py_bad_feats.h5", "w") as f:
    f.create_dataset("good", data=ar(2, 6, "<f4"))
    f.create_dataset("three_d", data=np.zeros((2, 2, 2), dtype="<f4"))
    f.create_dataset("ints", data=ar(2, 6, "<i4"))
    f.create_dataset("wide", data=ar(2, 7, "<f4"))
