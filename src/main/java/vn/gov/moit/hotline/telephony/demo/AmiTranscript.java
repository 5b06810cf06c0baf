package vn.gov.moit.hotline.telephony.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a recorded AMI transcript ({@code .ami}: what Asterisk sent, byte for byte) into its events. The greeting
 * line and the {@code Response} blocks that answered the recorder's own actions are left out; every block with an
 * {@code Event} header is kept, in order (an {@code OriginateResponse} event carries a {@code Response} header too,
 * so blocks are told apart by {@code Event}, not by their first line).
 */
public final class AmiTranscript {

    private AmiTranscript() {
    }

    public static List<AmiMessage> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a transcript shipped in the application, e.g. {@code ami-templates/answered.ami}. */
    public static List<AmiMessage> readResource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no such resource: " + name);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<AmiMessage> parse(String transcript) {
        List<AmiMessage> events = new ArrayList<>();
        String text = transcript.replace("\r\n", "\n");
        for (String block : text.split("\n\n")) {
            if (block.isBlank()) {
                continue;
            }
            AmiMessage message = AmiMessage.parse(stripGreeting(block));
            if (message.eventName() != null) {
                events.add(message);
            }
        }
        return events;
    }

    private static String stripGreeting(String block) {
        // The greeting has no blank line after it, so it shares a block with the login response.
        String trimmed = block.stripLeading();
        if (trimmed.startsWith("Asterisk Call Manager/")) {
            int nl = trimmed.indexOf('\n');
            return nl < 0 ? "" : trimmed.substring(nl + 1);
        }
        return block;
    }
}
