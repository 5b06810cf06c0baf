package vn.gov.moit.hotline.telephony.ami;

import java.util.Optional;
import java.util.function.Supplier;

/** Where and as whom to log in to an AMI. */
public record AmiEndpoint(String host, int port, String username, String secret) {

    /** The configured endpoint ({@code hotline.ami.host}), else the fallback's (the demo PBX); null when neither. */
    static AmiEndpoint resolve(AmiConfig config, Supplier<Optional<AmiEndpoint>> fallback) {
        return config.host().filter(h -> !h.isBlank())
                .map(h -> new AmiEndpoint(h, config.port(), config.username(), config.secret().orElse("")))
                .or(fallback)
                .orElse(null);
    }

    @Override
    public String toString() {
        // Never log the secret.
        return username + "@" + host + ":" + port;
    }
}
