package vn.gov.moit.hotline.telephony.ami;

/** Where the AMI connection stands, as readiness and the state gauge report it. */
public enum AmiState {
    /** Switched off ({@code hotline.ami.enabled=false}) or no host configured: nothing to listen to. */
    OFF,
    /** Deliberately not listening because another instance is (leader election). */
    STANDBY,
    /** Logging in. */
    CONNECTING,
    /** Logged in and receiving events. */
    CONNECTED,
    /** Lost or refused; retrying with backoff. */
    DISCONNECTED
}
