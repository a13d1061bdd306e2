package io.sextant.inference.gguf;

import io.sextant.inference.ModelFormatException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks a GGUF file's header (versions 2 and 3) without loading weights. Every length and count is bounded
 * by the file's size before anything is allocated, so a hostile or truncated file fails with a
 * {@link ModelFormatException} that names the check and the byte offset, never with an out-of-memory.
 */
public final class GgufReader {

    /** "GGUF" read as a little-endian uint32. */
    static final int MAGIC = 0x46554747;
    private static final int MAX_KEY_BYTES = 65_536;
    private static final long MAX_TENSORS = 1_000_000;
    private static final long MAX_KVS = 1_000_000;
    private static final int MAX_DIMS = 4;

    private final Path file;
    private final long fileSize;
    private final InputStream in;
    private long pos;

    private GgufReader(Path file, long fileSize, InputStream in) {
        this.file = file;
        this.fileSize = fileSize;
        this.in = in;
    }

    /**
     * Reads a file's header and checks that every tensor's data lies inside the file.
     *
     * @param file the file
     * @return the metadata
     * @throws ModelFormatException when the file is not a readable GGUF model
     */
    public static GgufMetadata read(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            GgufReader r = new GgufReader(file, Files.size(file), new BufferedInputStream(raw, 1 << 16));
            return r.readHeader();
        } catch (EOFException e) {
            throw new ModelFormatException(file.getFileName() + " is not a GGUF model: the header is truncated");
        } catch (IOException e) {
            throw new ModelFormatException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (ArithmeticException e) {
            throw new ModelFormatException(file.getFileName() + " is not a GGUF model: sizes overflow", e);
        }
    }

    private GgufMetadata readHeader() throws IOException {
        if (fileSize < 24) {
            throw fail(0, "too short (" + fileSize + " bytes) for a GGUF header");
        }
        int magic = u32();
        if (magic != MAGIC) {
            throw fail(0, String.format("no GGUF magic (starts with 0x%08x)", magic));
        }
        int version = u32();
        if (version != 2 && version != 3) {
            throw fail(4, "unsupported GGUF version " + version + " (2 and 3 are supported)");
        }
        long tensorCount = u64();
        long kvCount = u64();
        if (tensorCount < 0 || tensorCount > MAX_TENSORS) {
            throw fail(8, "implausible tensor count " + tensorCount);
        }
        if (kvCount < 0 || kvCount > MAX_KVS) {
            throw fail(16, "implausible metadata count " + kvCount);
        }
        Map<String, Object> values = new HashMap<>();
        for (long i = 0; i < kvCount; i++) {
            long at = pos;
            String key = string(MAX_KEY_BYTES);
            int type = u32();
            if (values.put(key, value(type, at)) != null) {
                throw fail(at, "duplicate metadata key '" + key + "'");
            }
        }
        List<GgufTensor> tensors = new ArrayList<>();
        for (long i = 0; i < tensorCount; i++) {
            tensors.add(tensor());
        }
        long alignment = values.get("general.alignment") instanceof Long a ? a : 32;
        if (alignment <= 0 || Long.bitCount(alignment) != 1) {
            throw fail(pos, "general.alignment " + alignment + " is not a power of two");
        }
        long dataOffset = (pos + alignment - 1) / alignment * alignment;
        for (GgufTensor t : tensors) {
            if (t.offset() % alignment != 0) {
                throw fail(dataOffset, "tensor " + t.name() + " is not aligned to " + alignment);
            }
            long end = Math.addExact(Math.addExact(dataOffset, t.offset()), t.bytes());
            if (end > fileSize) {
                throw fail(dataOffset + t.offset(), "tensor " + t.name() + " ends at byte " + end
                        + " but the file has " + fileSize + " bytes (truncated?)");
            }
        }
        if (tensorCount == 0) {
            throw fail(pos, "the file holds no tensors");
        }
        return new GgufMetadata(version, values, tensors, dataOffset, fileSize);
    }

    private GgufTensor tensor() throws IOException {
        long at = pos;
        String name = string(MAX_KEY_BYTES);
        int nDims = u32();
        if (nDims < 1 || nDims > MAX_DIMS) {
            throw fail(at, "tensor " + name + " has " + nDims + " dimensions");
        }
        List<Long> dims = new ArrayList<>();
        for (int d = 0; d < nDims; d++) {
            long n = u64();
            if (n <= 0) {
                throw fail(at, "tensor " + name + " has dimension " + n);
            }
            dims.add(n);
        }
        int typeId = u32();
        GgmlType type = GgmlType.byId(typeId);
        if (type == null) {
            throw fail(at, "tensor " + name + " has unknown ggml type " + typeId);
        }
        if (dims.getFirst() % type.blockSize() != 0) {
            throw fail(at, "tensor " + name + " row of " + dims.getFirst() + " is not a multiple of "
                    + type.label() + "'s block of " + type.blockSize());
        }
        long offset = u64();
        if (offset < 0 || offset > fileSize) {
            throw fail(at, "tensor " + name + " offset " + offset + " lies outside the file");
        }
        return new GgufTensor(name, dims, type, offset);
    }

    private Object value(int type, long at) throws IOException {
        return switch (type) {
            case 0 -> (long) u8();
            case 1 -> (long) (byte) u8();
            case 2 -> (long) (u8() | u8() << 8);
            case 3 -> (long) (short) (u8() | u8() << 8);
            case 4 -> Integer.toUnsignedLong(u32());
            case 5 -> (long) u32();
            case 6 -> (double) Float.intBitsToFloat(u32());
            case 7 -> u8() != 0;
            case 8 -> string(fileSize);
            case 9 -> array(at);
            case 10, 11 -> u64();
            case 12 -> Double.longBitsToDouble(u64());
            default -> throw fail(at, "unknown metadata value type " + type);
        };
    }

    private GgufMetadata.ArraySummary array(long at) throws IOException {
        int elementType = u32();
        long length = u64();
        if (length < 0 || length > fileSize) {
            throw fail(at, "array length " + length + " exceeds the file size");
        }
        for (long i = 0; i < length; i++) {
            if (elementType == 9) {
                throw fail(at, "nested arrays are not supported");
            }
            skipValue(elementType, at);
        }
        return new GgufMetadata.ArraySummary(elementType, length);
    }

    private void skipValue(int type, long at) throws IOException {
        int width = switch (type) {
            case 0, 1, 7 -> 1;
            case 2, 3 -> 2;
            case 4, 5, 6 -> 4;
            case 10, 11, 12 -> 8;
            case 8 -> -1;
            default -> throw fail(at, "unknown array element type " + type);
        };
        if (width < 0) {
            long n = u64();
            checkLength(n, fileSize);
            skip(n);
        } else {
            skip(width);
        }
    }

    private String string(long maxBytes) throws IOException {
        long at = pos;
        long n = u64();
        checkLength(n, maxBytes);
        byte[] b = in.readNBytes((int) n);
        if (b.length != n) {
            throw new EOFException();
        }
        pos += n;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw fail(at, "a string is not valid UTF-8");
        }
    }

    private void checkLength(long n, long max) {
        if (n < 0 || n > max || n > Integer.MAX_VALUE - 16 || pos + n > fileSize) {
            throw fail(pos, "string length " + n + " is out of bounds");
        }
    }

    private void skip(long n) throws IOException {
        long done = in.skip(n);
        while (done < n) {
            if (in.read() < 0) {
                throw new EOFException();
            }
            done++;
            done += in.skip(n - done);
        }
        pos += n;
    }

    private int u8() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        pos++;
        return b;
    }

    private int u32() throws IOException {
        return u8() | u8() << 8 | u8() << 16 | u8() << 24;
    }

    private long u64() throws IOException {
        return Integer.toUnsignedLong(u32()) | (long) u32() << 32;
    }

    private ModelFormatException fail(long offset, String why) {
        return new ModelFormatException(file.getFileName() + " is not a usable GGUF model: " + why + " (at byte "
                + offset + ")");
    }
}
