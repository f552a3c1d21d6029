import Testing
import ZhurnalCore

/// The short label a control lesson's column shows.
struct WorkTypeLabelTests {
    @Test(arguments: [
        ("Контрольная работа", "К/р"),
        ("Самостоятельная работа", "С/р"),
        ("Проверочная работа / тест", "П/р"),
        ("Домашняя работа", "Д/р"),
        ("Диктант / сочинение / изложение", "Д/с"),
        ("Итоговая контрольная / промежуточная аттестация", "И/к"),
        // One- and two-letter words are not counted: «на», «в», «и».
        ("Ответ на уроке", "О/у"),
        ("Работа в паре", "Р/п"),
        // One word: whole up to six letters, cut after four with a point when longer.
        ("Проект", "Проект"),
        ("Зачёт", "Зачёт"),
        ("Тестирование", "Тест."),
        ("  зачёт  ", "зачёт"),
        ("Диктант", "Дикт."),
        // Nothing to abbreviate: the name as it is.
        ("ДЗ", "ДЗ"),
        ("", ""),
    ])
    func labels(name: String, label: String) {
        #expect(WorkType.shortLabel(for: name) == label)
    }

    @Test func everyDefaultWorkTypeGetsALabelOfAtMostSixCharacters() {
        let labels = WorkType.defaults.map { WorkType.shortLabel(for: $0.name) }
        #expect(labels.allSatisfy { !$0.isEmpty && $0.count <= 6 })
    }
}
