package vn.gov.moit.hotline.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import vn.gov.moit.hotline.common.Languages;

/**
 * The pages' words for their scripts: {@link PageMessages}' files ({@code messages/page_<lang>.properties}, UTF-8)
 * as one JSON object per language, so a word the templates show and one a script writes come from one place.
 */
@ApplicationScoped
class PageTexts {


    private final Map<String, String> jsonByLanguage = new TreeMap<>();

    PageTexts() {
        ObjectMapper json = new ObjectMapper();
        for (String lang : Languages.OFFERED) {
            jsonByLanguage.put(lang, forScript(json, load(lang)));
        }
    }

    /** Data as JSON to put inside a {@code <script type="application/json">}: no "</" can close it early. */
    static String forScript(ObjectMapper json, Object data) {
        try {
            return json.writeValueAsString(data).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String json(String lang) {
        return jsonByLanguage.get(lang);
    }

    /** The templates' words (page_, queue_) and those only scripts use (script_), in one map. */
    static Map<String, String> load(String lang) {
        Map<String, String> texts = new TreeMap<>();
        for (String file : new String[] {"page_", "queue_", "script_"}) {
            String path = "messages/" + file + lang + ".properties";
            try (InputStream in = PageTexts.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("Missing " + path);
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                p.forEach((k, v) -> texts.put((String) k, (String) v));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }
}
