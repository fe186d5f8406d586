package org.latentlab.lesson.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The curriculum comes in more than fifty languages: a correct lesson in any script is imported with every
 * character as it was. The texts are short lessons on autoencoders written for this test.
 */
class LessonsInAnyLanguageTest {

    private final LessonImporter importer = new LessonImporter(Map.of(17, "autoencoders-pre"));

    static Map<String, String> lessons() {
        return Map.of(
                "ar", """
                        # المشفرات التلقائية

                        يضغط المُشفِّر الصورة إلى متجه صغير في الفضاء الكامن، ثم يعيد المُفكِّك رسمها منه.
                        كلما كان الفضاء الكامن أصغر، فقدت الصورة المُعاد بناؤها مزيداً من التفاصيل.

                        ## الخسارة

                        نقيس الفرق بين الصورة الأصلية والصورة المُعاد بناؤها، ونُدرِّب الشبكة على تقليله.
                        """,
                "zh", """
                        # 自编码器

                        编码器把一张图片压缩成潜在空间里的一个小向量，解码器再从这个向量把图片画出来。
                        潜在空间越小，重建的图片丢失的细节就越多。

                        ## 损失函数

                        我们衡量原图与重建图之间的差异，并训练网络让它变小。
                        """,
                "ja", """
                        # オートエンコーダー

                        エンコーダーは画像を潜在空間の小さなベクトルに圧縮し、デコーダーはそこから画像を描き直します。
                        潜在空間が小さいほど、再構成された画像は細部を失います。

                        ## 損失

                        元の画像と再構成画像の違いを測り、それが小さくなるようにネットワークを学習させます。
                        """,
                "ko", """
                        # 오토인코더

                        인코더는 이미지를 잠재 공간의 작은 벡터로 압축하고, 디코더는 그 벡터에서 이미지를 다시 그립니다.
                        잠재 공간이 작을수록 재구성된 이미지는 더 많은 세부 정보를 잃습니다.

                        ## 손실

                        원본 이미지와 재구성된 이미지의 차이를 측정하고, 네트워크가 그 차이를 줄이도록 학습시킵니다.
                        """,
                "ru", """
                        # Автокодировщики

                        Кодировщик сжимает изображение в маленький вектор скрытого пространства, а декодировщик снова \
                        рисует по нему изображение.
                        Чем меньше скрытое пространство, тем больше деталей теряет восстановленное изображение.

                        ## Функция потерь

                        Мы измеряем разницу между исходным и восстановленным изображением и обучаем сеть её уменьшать.
                        """,
                "hi", """
                        # ऑटोएनकोडर

                        एनकोडर चित्र को अव्यक्त स्थान के एक छोटे सदिश में संकुचित करता है, और डिकोडर उससे चित्र फिर से बनाता है।
                        अव्यक्त स्थान जितना छोटा होगा, पुनर्निर्मित चित्र उतना ही अधिक विवरण खो देगा।

                        ## हानि

                        हम मूल चित्र और पुनर्निर्मित चित्र के बीच का अंतर मापते हैं और नेटवर्क को उसे घटाना सिखाते हैं।
                        """,
                "th", """
                        # ออโต้เอนโค้ดเดอร์

                        ตัวเข้ารหัสบีบอัดภาพให้เป็นเวกเตอร์เล็ก ๆ ในปริภูมิแฝง แล้วตัวถอดรหัสจะวาดภาพขึ้นมาใหม่จากเวกเตอร์นั้น
                        ยิ่งปริภูมิแฝงเล็กเท่าไร ภาพที่สร้างใหม่ก็ยิ่งสูญเสียรายละเอียดมากขึ้น

                        ## ค่าความสูญเสีย

                        เราวัดความแตกต่างระหว่างภาพต้นฉบับกับภาพที่สร้างใหม่ และฝึกเครือข่ายให้ลดความแตกต่างนั้น
                        """,
                "el", """
                        # Αυτοκωδικοποιητές

                        Ο κωδικοποιητής συμπιέζει την εικόνα σε ένα μικρό διάνυσμα του λανθάνοντος χώρου και ο \
                        αποκωδικοποιητής την ξαναζωγραφίζει από αυτό.
                        Όσο μικρότερος ο λανθάνων χώρος, τόσο περισσότερες λεπτομέρειες χάνει η ανακατασκευασμένη εικόνα.

                        ## Συνάρτηση απώλειας

                        Μετράμε τη διαφορά ανάμεσα στην αρχική και στην ανακατασκευασμένη εικόνα και εκπαιδεύουμε το \
                        δίκτυο να τη μειώνει.
                        """,
                "bn", """
                        # অটোএনকোডার

                        এনকোডার ছবিকে সুপ্ত স্থানের একটি ছোট ভেক্টরে সংকুচিত করে, আর ডিকোডার সেখান থেকে ছবিটি আবার আঁকে।
                        সুপ্ত স্থান যত ছোট, পুনর্গঠিত ছবি তত বেশি খুঁটিনাটি হারায়।

                        ## ক্ষতি

                        আমরা মূল ছবি ও পুনর্গঠিত ছবির পার্থক্য মাপি এবং নেটওয়ার্ককে তা কমাতে শেখাই।
                        """);
    }

    static Iterable<String> languages() {
        return lessons().keySet().stream().sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void aCorrectLessonInAnyScriptIsImportedWithEveryCharacterUnchanged(String tag) {
        String lesson = lessons().get(tag);

        ImportResult result = importer.importFile(lesson.getBytes(StandardCharsets.UTF_8), tag + "-lesson.md", tag);

        assertThat(result.markdown()).isEqualTo(lesson);
        assertThat(result.title()).isEqualTo(lesson.lines().findFirst().orElseThrow().substring(2));
        assertThat(result.messages()).extracting(ImportMessage::key).doesNotContain(
                ImportMessageKey.MOJIBAKE_REPAIRED.key());
    }

    @ParameterizedTest
    @CsvSource({"ar", "ja", "zh-Hant-TW", "pt_BR", "sr-Latn", "fil", "yue"})
    void anyWellFormedLanguageTagIsAccepted(String tag) {
        ImportResult result = importer.importFile("# Title\n\nText.\n".getBytes(StandardCharsets.UTF_8), "l.md", tag);

        assertThat(result.ok()).isTrue();
    }

    @Test
    void aTagThatIsNoLanguageIsRefusedWithExamples() {
        LessonImportException refused = catchThrowableOfType(LessonImportException.class,
                () -> importer.importFile("# T\n".getBytes(StandardCharsets.UTF_8), "l.md", "not a language"));

        assertThat(refused.key()).isEqualTo(ImportMessageKey.UNSUPPORTED_LANGUAGE.key());
        assertThat(refused.getMessage()).contains("not a language", "BCP 47", "zh-Hant");
    }
}
