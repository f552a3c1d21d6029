import Testing

@testable import ZhurnalCore

struct PupilMovementTests {
    func day(_ month: Int, _ day: Int) -> LocalDate { LocalDate(year: month >= 9 ? 2026 : 2027, month: month, day: day)! }
    var year: DateSpan { DateSpan(day(9, 1), day(8, 31)) }
    var inFiveA: [PupilMovement.Enrolment] { [.init(id: 10, classID: 1, className: "5А", startsOn: day(9, 1), endsOn: nil)] }

    func refusal(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch { return (error as? RuleRefusal)?.code ?? "\(error)" }
    }

    @Test func aTransferEndsTheOldEnrolmentTheDayBefore() throws {
        let change = try PupilMovement.change(.transfer, on: day(11, 9), to: 2, enrolments: inFiveA, year: year, lastEntry: day(11, 6))
        #expect(change.closing == .init(enrolmentID: 10, lastDay: day(11, 8)))
        #expect(change.opening == .init(classID: 2, startsOn: day(11, 9)))
    }

    @Test func aDepartureEndsItOnTheDay() throws {
        let change = try PupilMovement.change(.departure, on: day(11, 9), to: nil, enrolments: inFiveA, year: year, lastEntry: day(11, 9))
        #expect(change.closing == .init(enrolmentID: 10, lastDay: day(11, 9)) && change.opening == nil)
    }

    @Test func anArrivalOpensAnEnrolmentWhereThereIsNone() throws {
        let left = [PupilMovement.Enrolment(id: 10, classID: 1, className: "5А", startsOn: day(9, 1), endsOn: day(10, 1))]
        let change = try PupilMovement.change(.arrival, on: day(1, 11), to: 1, enrolments: left, year: year, lastEntry: nil)
        #expect(change.closing == nil && change.opening == .init(classID: 1, startsOn: day(1, 11)))
    }

    @Test func badMovesAreRefusedWithTheirReason() {
        let arrivesLater = [PupilMovement.Enrolment(id: 11, classID: 1, className: "5А", startsOn: day(10, 5), endsOn: nil)]
        // A transfer date before the arrival.
        #expect(
            refusal { _ = try PupilMovement.change(.transfer, on: day(10, 1), to: 2, enrolments: arrivesLater, year: year, lastEntry: nil) }
                == "before_arrival"
        )
        // On the arrival day itself there is nothing to transfer from.
        #expect(
            refusal { _ = try PupilMovement.change(.transfer, on: day(10, 5), to: 2, enrolments: arrivesLater, year: year, lastEntry: nil) }
                == "before_arrival"
        )
        #expect(
            refusal { _ = try PupilMovement.change(.transfer, on: day(11, 9), to: 1, enrolments: inFiveA, year: year, lastEntry: nil) }
                == "same_class"
        )
        #expect(
            refusal { _ = try PupilMovement.change(.transfer, on: day(11, 9), to: nil, enrolments: inFiveA, year: year, lastEntry: nil) }
                == "no_class"
        )
        #expect(
            refusal {
                _ = try PupilMovement.change(.transfer, on: day(9, 1).adding(days: 365), to: 2, enrolments: inFiveA, year: year, lastEntry: nil)
            } == "bad_date"
        )
        // Marks in the old class after the last day would be left outside his enrolment.
        #expect(
            refusal { _ = try PupilMovement.change(.transfer, on: day(11, 9), to: 2, enrolments: inFiveA, year: year, lastEntry: day(11, 9)) }
                == "entries_after"
        )
        #expect(
            refusal { _ = try PupilMovement.change(.departure, on: day(11, 9), to: nil, enrolments: inFiveA, year: year, lastEntry: day(11, 10)) }
                == "entries_after"
        )
        #expect(
            refusal { _ = try PupilMovement.change(.arrival, on: day(11, 9), to: 2, enrolments: inFiveA, year: year, lastEntry: nil) }
                == "already_enrolled"
        )
        #expect(
            refusal { _ = try PupilMovement.change(.arrival, on: day(9, 20), to: 2, enrolments: arrivesLater, year: year, lastEntry: nil) }
                == "already_enrolled"
        )
        let left = [PupilMovement.Enrolment(id: 10, classID: 1, className: "5А", startsOn: day(9, 1), endsOn: day(10, 1))]
        #expect(
            refusal { _ = try PupilMovement.change(.departure, on: day(10, 2), to: nil, enrolments: left, year: year, lastEntry: nil) }
                == "not_enrolled"
        )
    }
}
