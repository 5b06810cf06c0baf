package vn.gov.moit.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.common.Languages;

class PageTextsTest {

    @Test
    void everyTextExistsInBothLanguagesAndIsNotLeftBlank() {
        Map<String, String> vi = PageTexts.load("vi");
        Map<String, String> en = PageTexts.load("en");
        assertThat(vi.keySet()).isEqualTo(en.keySet());
        assertThat(vi).allSatisfy((key, text) -> assertThat(text).as(key).isNotBlank());
        assertThat(en).allSatisfy((key, text) -> assertThat(text).as(key).isNotBlank());
        assertThat(vi.get("logout")).isEqualTo("Đăng xuất");
    }

    /**
     * Every problem type the application answers (a conflict's slug, a problem made by the mapper, a domain
     * refusal's type) has its text in the page files, so a page never falls back on the English detail.
     */
    @Test
    void everyProblemTypeHasItsTextInBothLanguages() throws IOException {
        Pattern slug = Pattern.compile("(?:Conflict\\(|Unavailable\\(|Problem\\.of\\(|return )\"([a-z]+(?:-[a-z]+)*)\"");
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (!source.contains("DomainException") && !file.endsWith("ProblemMapper.java")) {
                    continue;
                }
                Matcher m = slug.matcher(source);
                while (m.find()) {
                    types.add(m.group(1));
                }
            }
        }
        // The mapper's own, and those the types above come from.
        assertThat(types).contains("stale-version", "illegal-transition", "internal", "forbidden", "not-found",
                "invalid-input", "unauthenticated", "too-many-logins");
        Map<String, String> vi = PageTexts.load("vi");
        Map<String, String> en = PageTexts.load("en");
        for (String type : types) {
            String key = "problem_" + type.replace('-', '_');
            assertThat(vi).as(type).containsKey(key);
            assertThat(en).as(type).containsKey(key);
        }
    }

    @Test
    void vietnameseIsTheDefaultAndUnknownLanguagesFallBackToIt() {
        assertThat(Languages.offered(null, Languages.VIETNAMESE)).isEqualTo("vi");
        assertThat(Languages.offered("fr", Languages.VIETNAMESE)).isEqualTo("vi");
        assertThat(Languages.offered("en", Languages.VIETNAMESE)).isEqualTo("en");
    }

    @Test
    void theLanguageSwitchOnlyEverReturnsToAPathOfThisSite() {
        assertThat(LoginPage.localPath("/console?ticket=4")).isEqualTo("/console?ticket=4");
        assertThat(LoginPage.localPath("https://evil.example/")).isEqualTo("/");
        assertThat(LoginPage.localPath("//evil.example/")).isEqualTo("/");
        assertThat(LoginPage.localPath("/\\evil.example")).isEqualTo("/");
        assertThat(LoginPage.localPath(null)).isEqualTo("/");
    }
}
