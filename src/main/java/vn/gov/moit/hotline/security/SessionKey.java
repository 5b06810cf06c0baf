package vn.gov.moit.hotline.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The key of the pages' session cookie, which is never logged. Given as {@code HOTLINE_SESSION_ENCRYPTION_KEY}
 * (or {@code quarkus.http.auth.session.encryption-key}) it is used as it is. Without it, the embedded default
 * (an H2 file) makes a random key once and keeps it beside the database, readable by its owner only, so that
 * sessions survive a restart; a server database (PostgreSQL: production, several instances that must share
 * the key) refuses to start without one.
 */
public class SessionKey implements ConfigSourceFactory {

    static final String PROPERTY = "quarkus.http.auth.session.encryption-key";
    static final String ENVIRONMENT = "HOTLINE_SESSION_ENCRYPTION_KEY";
    private static final String H2_FILE = "jdbc:h2:file:";
    private static final int MIN_LENGTH = 16;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (given(context.getValue(PROPERTY))) {
            return List.of();
        }
        String key = System.getenv(ENVIRONMENT);
        if (key == null || key.isBlank()) {
            key = embeddedKey(context.getValue("quarkus.datasource.jdbc.url"));
        }
        if (key == null) {
            return List.of();
        }
        if (key.length() < MIN_LENGTH) {
            throw new IllegalStateException(ENVIRONMENT + " must be at least " + MIN_LENGTH + " characters long");
        }
        return List.of(new MapBackedConfigSource("session key", Map.of(PROPERTY, key), 275) {
        });
    }

    private static boolean given(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    /** The key kept beside an embedded H2 file; null for an in-memory database; a refusal for a server one. */
    private static String embeddedKey(ConfigValue url) {
        String jdbc = url == null || url.getValue() == null ? "" : url.getValue();
        if (jdbc.startsWith("jdbc:h2:mem:")) {
            return null;
        }
        if (!jdbc.startsWith(H2_FILE)) {
            throw new IllegalStateException("No session key: set " + ENVIRONMENT + " (16 or more random characters, "
                    + "the same on every instance) before starting the hotline on " + jdbc.replaceAll("\\?.*", ""));
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
