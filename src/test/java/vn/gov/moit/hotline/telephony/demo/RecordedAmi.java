package vn.gov.moit.hotline.telephony.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Asterisk 22 transcripts recorded for the tests, kept in the test resources under {@code ami/} (see the
 * README there), so that the suite needs nothing outside the repository.
 */
public final class RecordedAmi {

    private RecordedAmi() {
    }

    /** The events of a recorded transcript, e.g. {@code answered.ami}. */
    public static List<AmiMessage> read(String name) {
        return AmiTranscript.readResource("ami/" + name);
    }

    /** The transcript's bytes as text, CRLF line ends as recorded. */
    public static String text(String name) {
        try (InputStream in = RecordedAmi.class.getClassLoader().getResourceAsStream("ami/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded transcript " + name + " in the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
