/// Which rules run, and at which severity, on each input file: the run's selection and severities, changed by
/// the path overrides that match the file. Files that match the same overrides share a profile.
struct RuleProfiles: Sendable {
    struct Profile: Sendable {
        let selection: RuleSelection
        let severities: SeverityOverrides
    }

    let profiles: [Profile]
    /// Profile index of each input file, by file index.
    let profileOfFile: [Int]
    /// The profiles some file uses: the run's own one may serve no file when overrides cover them all.
    private let inUse: Set<Int>

    /// One profile for every file.
    init(selection: RuleSelection, severities: SeverityOverrides) {
        profiles = [Profile(selection: selection, severities: severities)]
        profileOfFile = []
        inUse = [0]
    }

    init(files: [InputFile], options: LintOptions, rules: [CheckInfo]) throws(SFTLintError) {
        var profiles = [Profile(selection: options.selection, severities: options.severities)]
        var profileOfFile: [Int] = []
        var byMatch: [[Int]: Int] = [[]: 0]
        for file in files {
            let matched = options.overrides.matching(file.path)
            if let known = byMatch[matched] {
                profileOfFile.append(known)
                continue
            }
            var selection = options.selection
            var severities = options.severities
            for index in matched {
                let entry = options.overrides.entries[index]
                selection = try selection.extended(select: entry.select, ignore: entry.ignore, rules: rules)
                severities = severities.followed(by: entry.severities)
            }
            byMatch[matched] = profiles.count
            profileOfFile.append(profiles.count)
            profiles.append(Profile(selection: selection, severities: severities))
        }
        self.profiles = profiles
        self.profileOfFile = profileOfFile
        inUse = profileOfFile.isEmpty ? [0] : Set(profileOfFile)
    }

    /// Whether the rule runs on at least one file, so that the run (and its report's rules) includes it.
    func includesAnywhere(_ info: CheckInfo) -> Bool {
        inUse.contains { profiles[$0].selection.includes(info) }
    }
}
