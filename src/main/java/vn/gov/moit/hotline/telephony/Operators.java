package vn.gov.moit.hotline.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.gov.moit.hotline.security.Users;

/** The operator behind a queue member, found by the phone extension in its interface or name. */
@ApplicationScoped
class Operators {

    /** The extension in a queue member interface: Local/1001@agents/n, PJSIP/1001, SIP/1001-000a. */
    private static final Pattern EXTENSION = Pattern.compile("^[A-Za-z0-9_]+/(\\d{2,20})(?:[@/\\-;].*)?$");
    /** The extension at the end of a queue member's name: "Operator 1001". */
    private static final Pattern TRAILING_EXTENSION = Pattern.compile("(?:^|\\s)(\\d{2,20})$");

    @Inject
    Users users;

    /** The operator of a member interface (AgentConnect's Interface), or null. */
    String ofInterface(String memberInterface) {
        if (memberInterface == null) {
            return null;
        }
        Matcher m = EXTENSION.matcher(memberInterface);
        return m.matches() ? users.operatorForExtension(m.group(1)).orElse(null) : null;
    }

    /**
     * The operator of a member known only by its name, as queue_log writes it: a name ending in the operator's
     * extension ("Operator 1001", as in telephony-config/queues.conf), or an interface itself; or null.
     */
    String named(String memberName) {
        if (memberName == null || memberName.isBlank()) {
            return null;
        }
        Matcher m = TRAILING_EXTENSION.matcher(memberName.trim());
        return m.find() ? users.operatorForExtension(m.group(1)).orElse(null) : ofInterface(memberName.trim());
    }
}
