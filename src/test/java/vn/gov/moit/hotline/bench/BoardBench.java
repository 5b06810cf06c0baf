package vn.gov.moit.hotline.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.gov.moit.hotline.telephony.demo.AmiMessage;
import vn.gov.moit.hotline.telephony.demo.AmiServer;

/**
 * The supervisor board under a busy shift: {@code operators} operators in the queue (created through the admin
 * API, put in the queue by QueueMemberAdded, half of them talking) and {@code waiting} callers waiting, all
 * through the packaged application's real AMI connection. Then, one request after another for
 * {@code seconds}, what the board reads on each change: GET /api/presence, /api/calls/board and
 * /api/calls/in-progress; latency percentiles per address.
 *
 * <p>Usage: {@code BoardBench [operators waiting seconds]} (default 50 200 20).
 */
public final class BoardBench {

    public static void main(String[] args) throws Exception {
        int operators = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int waiting = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path home = Files.createTempDirectory("hotline-board");
        try (AmiServer server = CaptureBench.server();
                BenchApp app = CaptureBench.startApp(server, home, CaptureBench.jvmOptions())) {
            CaptureBench.awaitLogin(server);
            HttpClient http = HttpClient.newHttpClient();
            List<AmiMessage> events = new ArrayList<>();
            for (int i = 0; i < operators; i++) {
                String ext = String.valueOf(3000 + i);
                String body = "{\"username\":\"bench.op" + i + "\",\"password\":\"" + BenchApp.PASSWORD
                        + "-bench\",\"role\":\"operator\",\"displayName\":\"Operator " + ext + "\",\"extension\":\""
                        + ext + "\"}";
                HttpResponse<String> r = http.send(app.request("admin", "/api/admin/users")
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201 && r.statusCode() != 200) {
                    throw new IllegalStateException("user " + i + ": " + r.statusCode() + " " + r.body());
                }
                String iface = "Local/" + ext + "@agents/n";
                events.add(AmiMessage.of("Event", "QueueMemberAdded", "Privilege", "agent,all", "Queue", "hotline",
                        "MemberName", "Operator " + ext, "Interface", iface, "StateInterface", "PJSIP/" + ext,
                        "Membership", "dynamic", "Penalty", "0", "CallsTaken", "0", "LastCall", "0", "LastPause",
                        "0", "LoginTime", "0", "InCall", "0", "Status", "1", "Paused", "0", "PausedReason", "",
                        "Ringinuse", "0", "Wrapuptime", "15"));
                if (i % 2 == 0) {
                    events.add(AmiMessage.of("Event", "QueueMemberStatus", "Privilege", "agent,all", "Queue",
                            "hotline", "MemberName", "Operator " + ext, "Interface", iface, "StateInterface",
                            "PJSIP/" + ext, "Membership", "dynamic", "Penalty", "0", "CallsTaken", "1", "LastCall",
                            "0", "LastPause", "0", "LoginTime", "0", "InCall", "1", "Status", "2", "Paused", "0",
                            "PausedReason", "", "Ringinuse", "0", "Wrapuptime", "15"));
                }
            }
            for (int i = 0; i < waiting; i++) {
                String id = "1800000000." + i;
                String channel = "PJSIP/trunk-" + String.format("%08x", i);
                events.add(AmiMessage.of("Event", "Newchannel", "Privilege", "call,all", "Channel", channel,
                        "ChannelState", "4", "ChannelStateDesc", "Ring", "CallerIDNum", String.format("09%08d", i),
                        "CallerIDName", "Bench", "ConnectedLineNum", "<unknown>", "ConnectedLineName", "<unknown>",
                        "Language", "vi", "AccountCode", "", "Context", "from-pstn", "Exten", "024222021115",
                        "Priority", "1", "Uniqueid", id, "Linkedid", id));
                events.add(AmiMessage.of("Event", "QueueCallerJoin", "Privilege", "agent,all", "Channel", channel,
                        "ChannelState", "6", "ChannelStateDesc", "Up", "CallerIDNum", String.format("09%08d", i),
                        "CallerIDName", "Bench", "Context", "from-pstn", "Exten", "024222021115", "Priority", "5",
                        "Uniqueid", id, "Linkedid", id, "Queue", "hotline", "Position", String.valueOf(i + 1),
                        "Count", String.valueOf(i + 1)));
            }
            CaptureBench.publish(server, events);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!app.get("supervisor", "/api/calls/board").body().contains("\"waiting\":" + waiting)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the waiting calls did not all arrive");
                }
                BenchApp.sleep(200);
            }
            String presence = app.get("supervisor", "/api/presence").body();
            long inQueue = presence.split("\"state\":\"AVAILABLE\"", -1).length - 1
                    + presence.split("\"state\":\"TALKING\"", -1).length - 1;
            String load = BenchApp.load();
            for (String path : List.of("/api/presence", "/api/calls/board", "/api/calls/in-progress")) {
                for (int i = 0; i < 20; i++) {
                    app.get("supervisor", path);
                }
                List<Double> millis = new ArrayList<>();
                long end = System.nanoTime() + seconds * 1_000_000_000L / 3;
                int bytes = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = app.get("supervisor", path);
                    millis.add((System.nanoTime() - t0) / 1e6);
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(path + ": " + r.statusCode());
                    }
                    bytes = r.body().length();
                }
                double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf("RESULT board path=%s operators=%d inQueue=%d waiting=%d requests=%d bytes=%d "
                        + "p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms %s%n", path, operators, inQueue, waiting,
                        sorted.length, bytes, BenchApp.percentile(sorted, 50), BenchApp.percentile(sorted, 90),
                        BenchApp.percentile(sorted, 99), sorted[sorted.length - 1], load);
            }
        }
        System.exit(0);
    }

    private BoardBench() {
    }

}
