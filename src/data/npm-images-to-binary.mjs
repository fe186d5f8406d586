// Converts one npm image package (one JSON file per class, 0.json .. 9.json) into our compact format:
//   gzip( "LLDS" | u8 version=1 | u32 count | u16 rows | u16 cols | u8 classes | count x u8 label | count x rows x cols u8 pixels )
// Big-endian, pixels 0..255 row by row, images in class order (the app shuffles with a fixed seed when splitting).
// Usage: node npm-images-to-binary.mjs <folder> float|uint8 <out.bin.gz> <max per class, 0 = all>
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const [folder, kind, out, maxArg] = process.argv.slice(2);
const maxPerClass = Number(maxArg) || Infinity;
const size = 28 * 28;
const labels = [];
const images = [];
for (let label = 0; label < 10; label++) {
  const data = JSON.parse(readFileSync(join(folder, `${label}.json`), 'utf8')).data;
  // "mnist" stores one flat array of 0..1 floats; "fashion-mnist" one array of 0..255 integers per image.
  const count = Math.min(kind === 'float' ? data.length / size : data.length, maxPerClass);
  for (let i = 0; i < count; i++) {
    const image = new Uint8Array(size);
    for (let p = 0; p < size; p++) {
      const value = kind === 'float' ? data[i * size + p] * 255 : data[i][p];
      image[p] = Math.max(0, Math.min(255, Math.round(value)));
    }
    labels.push(label);
    images.push(image);
  }
}
const header = Buffer.alloc(4 + 1 + 4 + 2 + 2 + 1);
header.write('LLDS', 0, 'ascii');
header.writeUInt8(1, 4);
header.writeUInt32BE(images.length, 5);
header.writeUInt16BE(28, 9);
header.writeUInt16BE(28, 11);
header.writeUInt8(10, 13);
const body = Buffer.concat([header, Buffer.from(labels), ...images.map((i) => Buffer.from(i))]);
writeFileSync(out, gzipSync(body, { level: 9, mtime: 0 }));
console.log(`${out}: ${images.length} images`);
