package vn.gov.moit.hotline.telephony.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Asterisk 22 transcripts recorded for the tests: the three the demo PBX replays ship with it under
 * {@code ami-templates/}; the others are test resources under {@code ami/} (see the README there). The suite
 * needs nothing outside the repository, and no transcript is kept twice.
 */
public final class RecordedAmi {

    private RecordedAmi() {
    }

    /** The events of a recorded transcript, e.g. {@code answered.ami}. */
    public static List<AmiMessage> read(String name) {
        return AmiTranscript.readResource(path(name));
    }

    private static String path(String name) {
        String test = "ami/" + name;
        return RecordedAmi.class.getClassLoader().getResource(test) != null ? test : "ami-templates/" + name;
    }

    /** The transcript's bytes as text, CRLF line ends as recorded. */
    public static String text(String name) {
        try (InputStream in = RecordedAmi.class.getClassLoader().getResourceAsStream(path(name))) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded transcript " + name + " in the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
