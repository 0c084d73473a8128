package mcollective.ruby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Regular expressions against {@code regexes.jsonl}: what Ruby 3.1's {@code =~} and {@code Regexp#to_s} answered. */
class RubyRegexTest {
    static final List<Map<String, Object>> VECTORS = RubyVectors.records("regexes.jsonl");

    static String describe(Map<String, Object> vector) {
        return "/" + vector.get("source") + "/" + vector.get("options") + " =~ "
                + RubyValues.inspect(vector.get("input"));
    }

    @Nested
    class AgainstRuby {
        @Test
        void shouldMatchWhereRubyMatches() {
            List<String> wrong = new ArrayList<>();
            for (Map<String, Object> vector : VECTORS) {
                int options = RubyRegex.options((String) vector.get("options"));
                boolean found = RubyRegex.find((String) vector.get("source"), options, (String) vector.get("input"));
                if (found != (Boolean) vector.get("match")) {
                    wrong.add(describe(vector) + ": Ruby " + vector.get("match"));
                }
            }
            assertThat(wrong).isEmpty();
        }

        @Test
        void shouldPrintRegexpToSAsRubyDoes() {
            for (Map<String, Object> vector : VECTORS) {
                int options = RubyRegex.options((String) vector.get("options"));
                assertThat(RubyRegex.toS((String) vector.get("source"), options))
                        .as(describe(vector))
                        .isEqualTo(vector.get("to_s"));
            }
        }

        @Test
        void shouldMatchTheSourceRegexpToSGaveAsTheRegexpItself() {
            for (Map<String, Object> vector : VECTORS) {
                if (vector.get("source").toString().contains("#")) {
                    continue; // an extended-mode comment swallows the closing parenthesis, in Ruby too
                }
                int options = RubyRegex.options((String) vector.get("options"));
                String wrapped = RubyRegex.toS((String) vector.get("source"), options);
                assertThat(RubyRegex.find(wrapped, 0, (String) vector.get("input")))
                        .as(wrapped)
                        .isEqualTo(vector.get("match"));
            }
        }
    }

    @Nested
    class Failures {
        @Test
        void shouldNameTheSourceJavaCannotCompile() {
            assertThatThrownBy(() -> RubyRegex.compile("("))
                    .isInstanceOf(RubyRegexException.class)
                    .hasMessageStartingWith("invalid regular expression (: ");
        }

        @Test
        void shouldRefuseTheSameBadSourceAgainFromTheCache() {
            assertThatThrownBy(() -> RubyRegex.compile("[a")).isInstanceOf(RubyRegexException.class);
            assertThatThrownBy(() -> RubyRegex.compile("[a")).isInstanceOf(RubyRegexException.class);
        }

        @Test
        void shouldGiveUpOnCatastrophicBacktracking() {
            assertThatThrownBy(() -> RubyRegex.find("(.*a){10}!", 0, "a".repeat(30)))
                    .isInstanceOf(RubyRegexException.class)
                    .hasMessage("regular expression /(.*a){10}!/ is too expensive");
        }
    }

    @Test
    void shouldTellARegexFromANameByALineStartingWithASlash() {
        assertThat(RubyRegex.looksLikeRegex("/web/")).isTrue();
        assertThat(RubyRegex.looksLikeRegex("web\n/db/")).isTrue();
        assertThat(RubyRegex.looksLikeRegex("web/db")).isFalse();
    }

    @Test
    void shouldReadTheOptionLetters() {
        assertThat(RubyRegex.options("mix")).isEqualTo(RubyRegex.MULTILINE | RubyRegex.IGNORECASE | RubyRegex.EXTENDED);
        assertThat(RubyRegex.options("")).isZero();
    }
}
