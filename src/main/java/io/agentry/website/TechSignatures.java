package io.agentry.website;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.agentry.website.TechSignature.Where;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The technology signatures of {@code src/main/resources/website/tech-signatures.csv}, one per
 * row, and how a page is checked against them. A technology is reported once, with the evidence
 * of its first row (in file order) that matched; an {@code implied-by} row adds a technology that
 * another one detected implies (Next.js renders with React). The file is read once per analyzer;
 * a bad row stops the analyzer from being built, naming the line.
 */
final class TechSignatures {
    static final String RESOURCE = "/website/tech-signatures.csv";

    private final List<TechSignature> signatures;
    private final List<Evaluator> selectors;
    private final Map<String, Integer> firstRow = new HashMap<>();

    private TechSignatures(List<TechSignature> signatures) {
        this.signatures = List.copyOf(signatures);
        List<Evaluator> compiled = new ArrayList<>();
        for (int i = 0; i < signatures.size(); i++) {
            TechSignature signature = signatures.get(i);
            compiled.add(signature.where() == Where.SELECTOR ? QueryParser.parse(signature.pattern()) : null);
            firstRow.putIfAbsent(signature.name(), i);
        }
        this.selectors = compiled;
    }

    static TechSignatures load() {
        try (InputStream in = TechSignatures.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE + " failed", e);
        }
    }

    static TechSignatures parse(Reader reader, String source) {
        List<TechSignature> rows = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder()
                .commentStrategy(CommentStrategy.SKIP)
                .skipEmptyLines(true)
                .ofNamedCsvRecord(reader)) {
            for (NamedCsvRecord row : csv) {
                try {
                    rows.add(new TechSignature(
                            row.getField("name").strip(),
                            row.getField("category").strip(),
                            Where.of(row.getField("where").strip()),
                            row.getField("pattern").strip(),
                            row.findField("note").orElse("").strip()));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(
                            source + " line " + row.getStartingLineNumber() + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source + " failed", e);
        } catch (CsvParseException e) {
            throw new IllegalStateException(source + " is not valid CSV: " + e.getMessage(), e);
        }
        for (TechSignature row : rows) {
            if (row.where() == Where.IMPLIED_BY
                    && rows.stream().noneMatch(r -> r.name().equals(row.pattern()))) {
                throw new IllegalStateException(
                        source + ": " + row.name() + " is implied by " + row.pattern() + ", which has no signature");
            }
        }
        return new TechSignatures(rows);
    }

    List<TechSignature> all() {
        return signatures;
    }

    /** The technologies on the page, one each, in the order of the file. */
    List<TechDetection> detect(PageEvidence page) {
        Map<String, TechDetection> found = new LinkedHashMap<>();
        for (int i = 0; i < signatures.size(); i++) {
            TechSignature signature = signatures.get(i);
            if (!found.containsKey(signature.name())) {
                String evidence = signature.match(page, selectors.get(i));
                if (evidence != null) {
                    found.put(signature.name(), new TechDetection(signature.name(), signature.category(), evidence));
                }
            }
        }
        boolean added = true;
        while (added) {
            added = false;
            for (TechSignature signature : signatures) {
                if (signature.where() == Where.IMPLIED_BY
                        && !found.containsKey(signature.name())
                        && found.containsKey(signature.pattern())) {
                    found.put(
                            signature.name(),
                            new TechDetection(
                                    signature.name(), signature.category(), "implied by " + signature.pattern()));
                    added = true;
                }
            }
        }
        List<TechDetection> ordered = new ArrayList<>(found.values());
        ordered.sort(Comparator.comparing(d -> firstRow.get(d.name())));
        return ordered;
    }

    /** Every row that matches the page on its own, with its evidence; implied rows are not tried. */
    Map<TechSignature, String> matches(PageEvidence page) {
        Map<TechSignature, String> matched = new LinkedHashMap<>();
        for (int i = 0; i < signatures.size(); i++) {
            String evidence = signatures.get(i).match(page, selectors.get(i));
            if (evidence != null) {
                matched.put(signatures.get(i), evidence);
            }
        }
        return matched;
    }
}
