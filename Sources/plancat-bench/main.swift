import Foundation
import PlanCatalogSynthesis

let arguments = CommandLine.arguments
let plans = Int(arguments[1])!
let repriced = arguments.count > 2 ? Int(arguments[2])! : 0
FileHandle.standardOutput.write(Data(SyntheticCatalog(plans: plans, repricedEvery: repriced).source().utf8))
