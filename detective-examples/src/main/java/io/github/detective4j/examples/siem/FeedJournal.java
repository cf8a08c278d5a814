package io.github.detective4j.examples.siem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.detective4j.model.SafeText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link SiemFeed} wrote, kept in a file so that a restarted feed writes none of it again: one JSON object a
 * line, {@code {"written":"<key>"}} for an entry and {@code {"group":"<id>","severity":"HIGH"}} for a finding group's
 * last label, appended as each line is written. JSON strings, because keys hold user agents and other text from
 * logs, line breaks included. A line that does not read (the last one of a crash in mid-write) is skipped with a
 * warning. Not thread-safe: the feed's polling thread alone uses it.
 */
final class FeedJournal {
    private static final Logger LOG = LoggerFactory.getLogger(FeedJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    /** The file ends inside a line (a crash in mid-write): the next entry starts a line of its own. */
    private boolean torn;

    private FeedJournal(Path file, boolean torn) {
        this.file = file;
        this.torn = torn;
    }

    /**
     * Opens a journal, loading what it holds into the feed's memory of what it wrote.
     *
     * @param file the file; created on the first line written
     * @param written the keys written, filled from the file
     * @param groups the severity label each group was last written with, filled from the file
     * @return the journal
     * @throws IOException if the file exists and cannot be read
     */
    static FeedJournal open(Path file, Set<String> written, Map<String, String> groups) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException first) {
            bytes = new byte[0];
        }
        // Decoded leniently: a crash can cut a character in two, and that line alone is lost (it reads as no JSON).
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode entry = JSON.readTree(line);
                if (entry.path("written").isTextual()) {
                    written.add(entry.get("written").asText());
                } else if (entry.path("group").isTextual() && entry.path("severity").isTextual()) {
                    groups.put(entry.get("group").asText(), entry.get("severity").asText());
                } else {
                    throw new IOException("neither an entry nor a group");
                }
            } catch (IOException e) {
                LOG.warn("{}:{}: skipped a journal line that does not read: {}", SafeText.escape(file.toString()),
                        i + 1, SafeText.escape(e.getMessage()));
            }
        }
        return new FeedJournal(file, bytes.length > 0 && bytes[bytes.length - 1] != '\n');
    }

    /** Remembers an entry written. */
    void written(String key) throws IOException {
        append(JSON.createObjectNode().put("written", key));
    }

    /** Remembers the label a group was written with. */
    void group(String id, String severity) throws IOException {
        append(JSON.createObjectNode().put("group", id).put("severity", severity));
    }

    /** Opens, appends and closes: lines are few (a poll writes a handful), and no handle outlives a poll. */
    private void append(ObjectNode entry) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            if (torn) {
                out.write('\n');
                torn = false;
            }
            out.write(JSON.writeValueAsString(entry));
            out.write('\n');
        }
    }
}
