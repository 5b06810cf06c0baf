package vn.gov.moit.hotline.security;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key of the pages' session cookie, which is never logged. Given as {@code HOTLINE_SESSION_ENCRYPTION_KEY}
 * (or {@code quarkus.http.auth.session.encryption-key}) it is used as it is. Without it, the embedded default
 * (an H2 file) makes a random key once and keeps it beside the database, readable by its owner only, so that
 * sessions survive a restart; a server database (PostgreSQL: production, several instances that must share
 * the key) refuses to start without one.
 *
 * <p>This runs in the application's {@code main}, before Quarkus reads its configuration, and never while the
 * application is built: a key seen at build time would be written into the packaged application.
 */
@QuarkusMain
public final class SessionKey {

    static final String PROPERTY = "quarkus.http.auth.session.encryption-key";
    static final String ENVIRONMENT = "HOTLINE_SESSION_ENCRYPTION_KEY";
    private static final String H2_FILE = "jdbc:h2:file:";
    /** The embedded default of application.properties, when neither -D nor the environment names another. */
    private static final String DEFAULT_URL = "jdbc:h2:file:./data/hotline";
    private static final int MIN_LENGTH = 16;

    private SessionKey() {
    }

    public static void main(String... args) {
        try {
            provide();
        } catch (IllegalStateException | UncheckedIOException e) {
            System.err.println("The hotline cannot start: " + e.getMessage());
            System.exit(1);
        }
        Quarkus.run(args);
    }

    /** Makes the key known to Quarkus as a system property when it was not given. */
    static void provide() {
        String given = firstOf(System.getProperty(PROPERTY), System.getenv("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"),
                System.getenv(ENVIRONMENT));
        String key = given != null ? given
                : embeddedKey(firstOf(System.getProperty("quarkus.datasource.jdbc.url"),
                        System.getenv("QUARKUS_DATASOURCE_JDBC_URL"), DEFAULT_URL));
        if (key.length() < MIN_LENGTH) {
            throw new IllegalStateException(ENVIRONMENT + " must be at least " + MIN_LENGTH + " characters long");
        }
        System.setProperty(PROPERTY, key);
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** The key kept beside an embedded H2 file; a refusal for a server database. */
    private static String embeddedKey(String jdbc) {
        if (!jdbc.startsWith(H2_FILE)) {
            throw new IllegalStateException("no session key: set " + ENVIRONMENT + " (16 or more random characters, "
                    + "the same on every instance) to run on " + jdbc.replaceAll("[?;].*", ""));
        }
        String file = jdbc.substring(H2_FILE.length()).split(";", 2)[0];
        Path folder = Path.of(file).toAbsolutePath().getParent();
        return readOrCreate(folder.resolve("session.key"));
    }

    private static String readOrCreate(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                try {
                    Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(keyFile);
                } catch (FileAlreadyExistsException madeAtTheSameMoment) {
                    return Files.readString(keyFile, StandardCharsets.US_ASCII).trim();
                }
                Files.writeString(keyFile, key, StandardCharsets.US_ASCII);
                return key;
            }
            return Files.readString(keyFile, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the session key " + keyFile, e);
        }
    }
}
