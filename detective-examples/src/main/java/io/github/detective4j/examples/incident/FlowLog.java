package io.github.detective4j.examples.incident;

import java.io.IOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The VPC's flow log delivered to S3: one text file an hour, a header line naming the fields, then the records. */
final class FlowLog {
    private final Path root;
    private final String flowLogId;
    private final Dice dice;
    private final Tally tally;

    FlowLog(Path root, String flowLogId, Dice dice, Tally tally) {
        this.root = root;
        this.flowLogId = flowLogId;
        this.dice = dice;
        this.tally = tally;
    }

    void write(Instant hour, List<FlowRecord> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        records.sort(Comparator.comparingLong(FlowRecord::start)); // stable: ties keep their order
        Path file = LogKeys.flowLog(root, Cast.REGION, flowLogId, hour.plusSeconds(55 * 60), dice.hex(8));
        tally.bytes += CompressedFile.write(file, out -> {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            text.write(FlowRecord.HEADER);
            text.write('\n');
            for (FlowRecord record : records) {
                text.write(record.line());
                text.write('\n');
            }
            text.flush();
        });
        tally.flowLogFiles++;
        tally.flowRecords += records.size();
    }
}
