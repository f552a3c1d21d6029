import ZhurnalCore

/// Marks: what a pupil gets, for which work, and when the teacher enters it.
enum DemoMarks {
    /// The work types of `WorkType.defaults`, found by name so that a reordered list still maps right.
    enum Work: CaseIterable {
        case answer, classwork, homework, test, independent, practical, dictation, project, credit, control, final

        var namePrefix: String {
            switch self {
            case .answer: "Ответ"
            case .classwork: "Работа на уроке"
            case .homework: "Домашн"
            case .test: "Провероч"
            case .independent: "Самостоят"
            case .practical: "Практич"
            case .dictation: "Диктант"
            case .project: "Проект"
            case .credit: "Зачёт"
            case .control: "Контрольная"
            case .final: "Итоговая"
            }
        }
    }

    /// Work type ids (their place in `WorkType.defaults`, from 1) and weights.
    struct WorkTypes: Sendable {
        let ids: [Int]
        let weights: [Int]

        init() {
            let types = WorkType.defaults
            var ids: [Int] = []
            var weights: [Int] = []
            for work in Work.allCases {
                let index = types.firstIndex { $0.name.hasPrefix(work.namePrefix) } ?? 0
                ids.append(index + 1)
                weights.append(types[index].weight)
            }
            self.ids = ids
            self.weights = weights
        }

        func id(_ work: Work) -> Int { ids[Work.allCases.firstIndex(of: work)!] }
        func weight(_ work: Work) -> Int { weights[Work.allCases.firstIndex(of: work)!] }
    }

    /// A mark 2–5 around the pupil's ability in the subject. Calibrated so that the school as a whole has about
    /// 40 % fives, 38 % fours, 18 % threes and 4 % twos; written works come out a little lower than answers.
    static func grade(
        _ pupil: DemoPupil,
        _ subject: SubjectKey,
        shift: Double,
        spread: Double = 0.75,
        random: inout SeededRandom
    ) -> Int {
        let value = pupil.ability + pupil.subjectBias[subject.rawValue] + shift + spread * random.normal()
        return value >= 4.5 ? 5 : value >= 3.5 ? 4 : value >= 2.5 ? 3 : 2
    }

    static func shift(for work: Work, style: AssessmentStyle) -> Double {
        let base: Double =
            switch work {
            case .control, .final: -0.25
            case .test, .independent, .practical, .dictation, .credit: -0.15
            default: 0
            }
        return base + (style == .activity ? 0.3 : 0)
    }

    /// The work type of an answer in class.
    static func dailyWork(style: AssessmentStyle, random: inout SeededRandom) -> Work {
        if style == .activity { return .classwork }
        return [.answer, .classwork, .homework][random.weighted([0.45, 0.35, 0.2])]
    }

    /// The shorter written work set every three weeks or so.
    static func writtenWork(
        subject: SubjectKey,
        style: AssessmentStyle,
        parallel: Int,
        random: inout SeededRandom
    )
        -> Work?
    {
        switch style {
        case .language: return [.dictation, .test, .independent][random.weighted([0.45, 0.3, 0.25])]
        case .literature:
            return subject == .literature && random.chance(0.4) ? .dictation : .test
        case .exact: return random.chance(0.6) ? .independent : .test
        case .science: return random.chance(0.5) ? .practical : .test
        case .humanities, .foreign: return .test
        case .activity: return nil
        }
    }

    /// Double marks ("4/3": literacy / content) go to dictations and essays in the subjects flagged for them.
    static func isDoubleCandidate(_ subject: DemoSubject, work: Work) -> Bool {
        subject.allowsDoubleMarks && (work == .dictation || (work == .control && subject.key == .russian))
    }

    /// Days from a written work to its marks: mostly within the week the regulation gives, a few late.
    static func entryDelay(random: inout SeededRandom) -> Int {
        let days = [0, 1, 2, 3, 4, 5, 6, 9]
        let delay = days[random.weighted([0.16, 0.21, 0.21, 0.16, 0.1, 0.08, 0.05, 0.03])]
        return delay == 9 ? random.int(8...12) : delay
    }

    /// A teacher's remark on a few marks.
    static func comment(for value: Int, written: Bool, random: inout SeededRandom) -> String? {
        guard random.chance(0.02) else { return nil }
        let options: [String]
        switch value {
        case 5: options = ["Отличный ответ!", "Молодец!", "Работа выполнена аккуратно", "Полный, развёрнутый ответ"]
        case 4: options = ["Хороший ответ, есть неточности", "Есть недочёты", "Будь внимательнее"]
        case 3: options = ["Нужно повторить правило", "Невнимательность в вычислениях", "Ответ неполный"]
        default:
            options =
                written
                ? ["Работа над ошибками обязательна", "Много ошибок, нужна консультация"]
                : ["Не выполнено домашнее задание", "Не готов к уроку"]
        }
        return random.pick(options)
    }

    /// The term mark a teacher writes: the proposal of ZhurnalCore (classic rounding, accumulation minimums); with
    /// too few marks, «н/а» when the pupil missed a third of the lessons or has no mark at all, else the rounded
    /// average as the teacher's own judgement.
    static func termMark(
        marks: [CountedMark],
        periodKind: PeriodKind,
        weeklyHours: Int,
        missed: Int,
        held: Int
    ) -> MarkValue {
        let ratio = TermMarkProposal.absenceRatio(missed: missed, held: held)
        let rules = TermMarkRules(profile: .classic)
        switch TermMarkProposal.propose(
            marks: marks,
            periodKind: periodKind,
            weeklyHours: weeklyHours,
            absenceRatio: ratio,
            rules: rules
        )
        {
        case .mark(let mark, _):
            return .grade(mark)
        case .notAttested:
            return .notAttested
        case .insufficientMarks:
            guard ratio <= Rational(1, 3), let average = WeightedAverage.of(marks, doubleCounting: rules.doubleCounting)
            else { return .notAttested }
            return .grade(rules.profile.mark(for: average))
        }
    }
}
