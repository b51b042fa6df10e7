#!/bin/sh
# Build the slim OpenCV extension the Linux bundle ships instead of the wheel's (issue #24: the
# wheel's cv2 is 70 MiB plus 81 MiB of libraries -- FFmpeg, OpenBLAS, libavif/aom/vpx, OpenSSL --
# none of which the app loads a path of). Same OpenCV source as the pinned wheel (its sdist), with
# only the modules the app calls (core, imgproc and its geometry/flann, imgcodecs, videoio) and:
#   - videoio: V4L2 (the camera) and OpenCV's own AVI/MJPG reader and writer (video files, the
#     self-test's video, the tests' camera stand-in) and image sequences (image folders); no FFmpeg,
#     no GStreamer;
#   - imgcodecs: JPEG, PNG, WebP, BMP, GIF (the formats `decode` promises) built in; no AVIF,
#     JPEG 2000, TIFF, OpenEXR;
#   - no LAPACK/OpenBLAS (OpenCV's own LU/SVD code), no IPP, no OpenCL.
#
#   packaging/build_slim_opencv.sh [OUT_DIR]     # default build/opencv-slim; ~10-25 min on 2 cores
#
# Writes OUT_DIR/cv2.abi3.so; desktop-authenticator.spec uses it when it exists
# (DESKTOP_AUTHENTICATOR_SLIM_CV2 names another file). Needs cmake, ninja, a C++ compiler, the
# project's Python with numpy, and the network for `pip download` of the sdist.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-"$ROOT/.venv/bin/python"}
OUT=${1:-"$ROOT/build/opencv-slim"}
VERSION=$(sed -n 's/^opencv-python-headless==//p' "$ROOT/constraints.txt")
[ -n "$VERSION" ] || { echo "build_slim_opencv: no opencv-python-headless pin in constraints.txt" >&2; exit 1; }
WORK="$OUT/work"
mkdir -p "$WORK"

SDIST="$WORK/opencv_python_headless-$VERSION.tar.gz"
if [ ! -f "$SDIST" ]; then
    "$PYTHON" -m pip download --no-binary opencv-python-headless --no-deps \
        "opencv-python-headless==$VERSION" -d "$WORK"
fi
SRC="$WORK/opencv_python_headless-$VERSION/opencv"
[ -d "$SRC" ] || tar -xzf "$SDIST" -C "$WORK"

NUMPY_INCLUDE=$("$PYTHON" -c 'import numpy; print(numpy.get_include())')
PY_INCLUDE=$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')

cmake -S "$SRC" -B "$WORK/build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release \
    -DBUILD_SHARED_LIBS=OFF \
    -DBUILD_LIST=core,imgproc,imgcodecs,videoio,python3 \
    -DBUILD_opencv_python3=ON -DBUILD_opencv_python2=OFF -DPYTHON3_LIMITED_API=ON \
    -DPYTHON3_EXECUTABLE="$PYTHON" -DPYTHON_DEFAULT_EXECUTABLE="$PYTHON" \
    -DPYTHON3_INCLUDE_DIR="$PY_INCLUDE" -DPYTHON3_NUMPY_INCLUDE_DIRS="$NUMPY_INCLUDE" \
    -DOPENCV_SKIP_PYTHON_LOADER=ON -DOPENCV_PYTHON3_INSTALL_PATH=python \
    -DBUILD_TESTS=OFF -DBUILD_PERF_TESTS=OFF -DBUILD_DOCS=OFF -DBUILD_EXAMPLES=OFF \
    -DBUILD_opencv_apps=OFF -DBUILD_JAVA=OFF -DBUILD_opencv_js=OFF \
    -DENABLE_PRECOMPILED_HEADERS=OFF \
    -DCMAKE_ASM_NASM_COMPILER="$(command -v nasm || echo nasm)" \
    -DCPU_DISPATCH="SSE4_1;SSE4_2;AVX;FP16;AVX2" \
    -DWITH_FFMPEG=OFF -DWITH_GSTREAMER=OFF -DWITH_V4L=ON -DWITH_1394=OFF -DWITH_OBSENSOR=OFF \
    -DWITH_VA=OFF -DWITH_VA_INTEL=OFF -DWITH_OPENVINO=OFF \
    -DWITH_JPEG=ON -DBUILD_JPEG=ON -DWITH_PNG=ON -DBUILD_PNG=ON -DWITH_SPNG=OFF \
    -DWITH_WEBP=ON -DBUILD_WEBP=ON -DWITH_IMGCODEC_GIF=ON \
    -DWITH_AVIF=OFF -DWITH_OPENJPEG=OFF -DWITH_JASPER=OFF -DWITH_TIFF=OFF -DWITH_OPENEXR=OFF \
    -DWITH_JPEGXL=OFF -DWITH_GDAL=OFF -DWITH_GDCM=OFF \
    -DWITH_LAPACK=OFF -DWITH_EIGEN=OFF -DWITH_IPP=OFF -DWITH_ITT=OFF -DWITH_OPENCL=OFF \
    -DWITH_TBB=OFF -DWITH_OPENMP=OFF -DWITH_PROTOBUF=OFF -DWITH_FASTCV=OFF -DWITH_KLEIDICV=OFF \
    -DWITH_QT=OFF -DWITH_GTK=OFF -DWITH_OPENGL=OFF -DWITH_CAROTENE=OFF \
    -DOPENCV_GENERATE_PKGCONFIG=OFF

nice -n 19 cmake --build "$WORK/build" --target opencv_python3 -j "${JOBS:-2}"
SO=$(find "$WORK/build/lib" -name 'cv2*.so' | head -n 1)
[ -n "$SO" ] || { echo "build_slim_opencv: no cv2 extension was built" >&2; exit 1; }
strip --strip-unneeded -o "$OUT/cv2.abi3.so" "$SO"
echo "build_slim_opencv: $OUT/cv2.abi3.so ($(du -h "$OUT/cv2.abi3.so" | cut -f1))"
