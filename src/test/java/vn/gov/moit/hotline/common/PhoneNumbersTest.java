package vn.gov.moit.hotline.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"024.222.021115", "024222021115", "+84 24 222 021115", "84 24 222 021115",
        "+8424222021115", "(024) 222-021115"})
    void everyWrittenFormOfTheHotlineIsOneNumber(String written) {
        assertThat(PhoneNumbers.normalise(written)).contains("024222021115");
    }

    @ParameterizedTest
    @CsvSource({"0912345678,0912345678", "+84912345678,0912345678", "84 912 345 678,0912345678",
        "02363888999,02363888999", "+1 415 555 0100,+14155550100", "1001,1001"})
    void numbersHaveOneCanonicalForm(String written, String canonical) {
        assertThat(PhoneNumbers.normalise(written)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"anonymous", "<unknown>", "unknown", "", "  ", "Anonymous", "restricted"})
    void withheldCallersHaveNoNumber(String written) {
        assertThat(PhoneNumbers.isWithheld(written)).isTrue();
        assertThat(PhoneNumbers.normalise(written)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "+84+84", "call me"})
    void textIsNotANumber(String written) {
        assertThat(PhoneNumbers.normalise(written)).isEmpty();
    }
}
