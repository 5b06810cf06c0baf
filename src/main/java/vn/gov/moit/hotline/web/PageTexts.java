package vn.gov.moit.hotline.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import vn.gov.moit.hotline.common.Languages;

/**
 * The pages' words in each language, from {@code web/texts_<lang>.properties} (UTF-8). Templates read them
 * by key; the pages' scripts get the same map as JSON, so a label is translated in one place only.
 */
@ApplicationScoped
class PageTexts {


    private final Map<String, Map<String, String>> byLanguage = new TreeMap<>();
    private final Map<String, String> jsonByLanguage = new TreeMap<>();

    PageTexts() {
        ObjectMapper json = new ObjectMapper();
        for (String lang : Languages.OFFERED) {
            Map<String, String> texts = Collections.unmodifiableMap(load(lang));
            byLanguage.put(lang, texts);
            try {
                // Safe inside <script>: no "</" can close the element early.
                jsonByLanguage.put(lang, json.writeValueAsString(texts).replace("</", "<\\/"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    Map<String, String> texts(String lang) {
        return byLanguage.get(lang);
    }

    String json(String lang) {
        return jsonByLanguage.get(lang);
    }

    static Map<String, String> load(String lang) {
        String path = "web/texts_" + lang + ".properties";
        try (InputStream in = PageTexts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + path);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new TreeMap<>();
            p.forEach((k, v) -> texts.put((String) k, (String) v));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
