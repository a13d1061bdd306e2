package io.sextant.ingest.isolate;

import io.sextant.ingest.Block;
import io.sextant.ingest.BlockKind;
import io.sextant.ingest.ExtractedPart;
import io.sextant.ingest.Extraction;
import io.sextant.ingest.QuarantineReason;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The child protocol's encoding of requests and {@link Extraction}s: length-prefixed UTF-8 strings and ints, no Java
 * serialization (nothing the child sends can instantiate classes in the parent). Every length is bounded.
 */
final class WireFormat {
    static final int MAGIC = 0x53585431;
    private static final int MAX_STRING_BYTES = 256 << 20;
    private static final int MAX_COUNT = 10_000_000;

    private WireFormat() {
    }

    static void writeExtraction(DataOutputStream out, Extraction e) throws IOException {
        out.writeInt(MAGIC);
        if (e.failure() != null) {
            out.writeBoolean(true);
            writeString(out, e.failure().label());
            writeString(out, e.detail());
            return;
        }
        out.writeBoolean(false);
        out.writeInt(e.parts().size());
        for (ExtractedPart p : e.parts()) {
            out.writeInt(p.index());
            out.writeInt(p.parentIndex());
            writeString(out, p.embeddedPath());
            writeString(out, p.sha256());
            writeString(out, p.contentType());
            out.writeInt(p.metadata().size());
            for (Map.Entry<String, String> m : p.metadata().entrySet()) {
                writeString(out, m.getKey());
                writeString(out, m.getValue());
            }
            writeString(out, p.failure() == null ? "" : p.failure().label());
            writeString(out, p.note());
            out.writeInt(p.blocks().size());
            for (Block b : p.blocks()) {
                out.writeByte(b.kind().ordinal());
                writeString(out, b.text());
                out.writeByte(b.headingLevel());
                out.writeInt(b.page());
                out.writeInt(b.headings().size());
                for (String h : b.headings()) {
                    writeString(out, h);
                }
            }
        }
    }

    static Extraction readExtraction(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("protocol error: bad magic from child");
        }
        if (in.readBoolean()) {
            QuarantineReason r = QuarantineReason.ofLabel(readString(in));
            return Extraction.failed(r, readString(in));
        }
        int n = count(in);
        List<ExtractedPart> parts = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            int index = in.readInt();
            int parent = in.readInt();
            String path = readString(in);
            String sha = readString(in);
            String type = readString(in);
            int nm = count(in);
            Map<String, String> meta = new LinkedHashMap<>();
            for (int j = 0; j < nm; j++) {
                meta.put(readString(in), readString(in));
            }
            String failure = readString(in);
            String note = readString(in);
            int nb = count(in);
            List<Block> blocks = new ArrayList<>(Math.min(nb, 4096));
            for (int j = 0; j < nb; j++) {
                BlockKind kind = BlockKind.values()[in.readByte()];
                String text = readString(in);
                int level = in.readByte();
                int page = in.readInt();
                int nh = count(in);
                List<String> headings = new ArrayList<>(Math.min(nh, 16));
                for (int k = 0; k < nh; k++) {
                    headings.add(readString(in));
                }
                blocks.add(new Block(kind, text, level, headings, page));
            }
            parts.add(new ExtractedPart(index, parent, path, sha, type, meta, blocks,
                    failure.isEmpty() ? null : QuarantineReason.ofLabel(failure), note));
        }
        return Extraction.of(parts);
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > MAX_STRING_BYTES) {
            throw new IOException("protocol error: string length " + len);
        }
        return new String(in.readNBytes(len), StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_COUNT) {
            throw new IOException("protocol error: count " + n);
        }
        return n;
    }
}
