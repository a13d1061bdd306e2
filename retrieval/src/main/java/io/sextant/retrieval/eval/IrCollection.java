package io.sextant.retrieval.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test collection in the BEIR-like layout: corpus.jsonl (id, title, text), queries.jsonl (id, text) and qrels.tsv
 * (header line, then query_id, doc_id, relevance). Only judged queries are kept, as trec_eval does.
 *
 * @param name    the folder name
 * @param docs    documents in file order
 * @param queries judged queries in file order
 * @param qrels   query id → (doc id → graded relevance &gt; 0)
 */
public record IrCollection(String name, List<Doc> docs, List<Query> queries, Map<String, Map<String, Integer>> qrels) {

    /**
     * @param id    document id
     * @param title title (may be empty)
     * @param text  body
     */
    public record Doc(String id, String title, String text) {
    }

    /**
     * @param id   query id
     * @param text query text
     */
    public record Query(String id, String text) {
    }

    /**
     * Reads a collection folder.
     *
     * @param dir the folder
     * @return the collection
     * @throws IOException when a file is missing or malformed (the message names the file and line)
     */
    public static IrCollection read(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Doc> docs = new ArrayList<>();
        forEachJson(json, dir.resolve("corpus.jsonl"), n -> docs.add(new Doc(text(n, "id"), n.path("title").asText(""),
                n.path("text").asText(""))));
        Map<String, Map<String, Integer>> qrels = new HashMap<>();
        Path qrelFile = dir.resolve("qrels.tsv");
        try (BufferedReader r = Files.newBufferedReader(qrelFile, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            int no = 1;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length < 3) {
                    throw new IOException(qrelFile + ":" + no + ": expected query_id, doc_id, relevance");
                }
                int rel;
                try {
                    rel = Integer.parseInt(f[2].trim());
                } catch (NumberFormatException e) {
                    throw new IOException(qrelFile + ":" + no + ": relevance is not an integer: " + f[2]);
                }
                if (rel > 0) {
                    qrels.computeIfAbsent(f[0].trim(), k -> new HashMap<>()).put(f[1].trim(), rel);
                }
            }
        }
        List<Query> queries = new ArrayList<>();
        forEachJson(json, dir.resolve("queries.jsonl"), n -> {
            String id = text(n, "id");
            if (qrels.containsKey(id)) {
                queries.add(new Query(id, n.path("text").asText("")));
            }
        });
        return new IrCollection(dir.getFileName().toString(), List.copyOf(docs), List.copyOf(queries),
                new LinkedHashMap<>(qrels));
    }

    private interface JsonSink {
        void accept(JsonNode n) throws IOException;
    }

    private static String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IOException("missing \"" + field + "\"");
        }
        return v.asText();
    }

    private static void forEachJson(ObjectMapper json, Path file, JsonSink sink) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    sink.accept(json.readTree(line));
                } catch (IOException e) {
                    throw new IOException(file + ":" + no + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * The text a document is embedded and indexed as when it is one passage.
     *
     * @param d a document
     * @return title and text
     */
    public static String passageText(Doc d) {
        return d.title().isBlank() ? d.text() : d.title() + "\n" + d.text();
    }
}
