package vn.gov.moit.hotline.telephony.ami;

/** Where and as whom to log in to an AMI. */
public record AmiEndpoint(String host, int port, String username, String secret) {

    @Override
    public String toString() {
        // Never log the secret.
        return username + "@" + host + ":" + port;
    }
}
