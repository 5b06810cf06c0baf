package vn.gov.moit.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
