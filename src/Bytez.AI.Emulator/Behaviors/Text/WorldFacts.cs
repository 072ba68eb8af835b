namespace Bytez.AI.Emulator.Behaviors.Text;

/// <summary>A few world facts the canned answers and the NER gazetteer share.</summary>
internal static class WorldFacts
{
    /// <summary>Country (as written in answers) to capital.</summary>
    public static readonly IReadOnlyList<(string Country, string Capital)> Capitals =
    [
        ("England", "London"), ("France", "Paris"), ("Germany", "Berlin"), ("Italy", "Rome"), ("Spain", "Madrid"),
        ("Portugal", "Lisbon"), ("Japan", "Tokyo"), ("China", "Beijing"), ("India", "New Delhi"), ("Canada", "Ottawa"),
        ("Australia", "Canberra"), ("Brazil", "Brasília"), ("Mexico", "Mexico City"), ("Russia", "Moscow"),
        ("Egypt", "Cairo"), ("the United States", "Washington, D.C."), ("the United Kingdom", "London"),
        ("Scotland", "Edinburgh"), ("Wales", "Cardiff"), ("Ireland", "Dublin"), ("the Netherlands", "Amsterdam"),
        ("Belgium", "Brussels"), ("Sweden", "Stockholm"), ("Norway", "Oslo"), ("Denmark", "Copenhagen"),
        ("Finland", "Helsinki"), ("Poland", "Warsaw"), ("Greece", "Athens"), ("Turkey", "Ankara"),
        ("South Korea", "Seoul"), ("Kenya", "Nairobi"), ("Nigeria", "Abuja"), ("Argentina", "Buenos Aires"),
        ("Switzerland", "Bern"), ("Austria", "Vienna"), ("Indonesia", "Jakarta"),
    ];

    /// <summary>Extra spellings of countries, mapped to the <see cref="Capitals"/> name.</summary>
    public static readonly IReadOnlyDictionary<string, string> CountryAliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["usa"] = "the United States", ["us"] = "the United States", ["united states"] = "the United States",
        ["america"] = "the United States", ["the usa"] = "the United States", ["uk"] = "the United Kingdom",
        ["united kingdom"] = "the United Kingdom", ["britain"] = "the United Kingdom", ["great britain"] = "the United Kingdom",
        ["netherlands"] = "the Netherlands", ["holland"] = "the Netherlands",
    };

    /// <summary>City to continent, in a fixed order.</summary>
    public static readonly IReadOnlyList<(string City, string Continent)> Cities =
    [
        ("Seattle", "North America"), ("New York", "North America"), ("NYC", "North America"),
        ("San Francisco", "North America"), ("Chicago", "North America"), ("Toronto", "North America"),
        ("Miami", "North America"), ("Mexico City", "North America"), ("Jakarta", "Asia"), ("Tokyo", "Asia"),
        ("Beijing", "Asia"), ("Shanghai", "Asia"), ("Delhi", "Asia"), ("Mumbai", "Asia"), ("Seoul", "Asia"),
        ("Singapore", "Asia"), ("Bangkok", "Asia"), ("Dubai", "Asia"), ("Istanbul", "Europe and Asia"),
        ("London", "Europe"), ("Paris", "Europe"), ("Berlin", "Europe"), ("Rome", "Europe"), ("Madrid", "Europe"),
        ("Cardiff", "Europe"), ("Amsterdam", "Europe"), ("Dublin", "Europe"), ("Cairo", "Africa"), ("Lagos", "Africa"),
        ("Nairobi", "Africa"), ("Sydney", "Australia"), ("Melbourne", "Australia"), ("São Paulo", "South America"),
        ("Buenos Aires", "South America"), ("Lima", "South America"),
    ];

    /// <summary>Finds a country named in <paramref name="phrase"/> (case-insensitive), with its capital.</summary>
    public static (string Country, string Capital)? FindCountry(string phrase)
    {
        string p = phrase.Trim().TrimEnd('?', '.', '!', ',').Trim();
        foreach ((string country, string capital) in Capitals)
        {
            string bare = country.StartsWith("the ", StringComparison.Ordinal) ? country[4..] : country;
            if (p.Equals(country, StringComparison.OrdinalIgnoreCase) || p.Equals(bare, StringComparison.OrdinalIgnoreCase))
            {
                return (country, capital);
            }
        }

        if (CountryAliases.TryGetValue(p, out string? canonical))
        {
            return Capitals.First(c => c.Country == canonical);
        }

        return null;
    }

    /// <summary>Whether <paramref name="word"/> is a word of a known city, capital or country name ("York", "NYC", "France").</summary>
    public static bool IsKnownPlace(string word) => PlaceWords.Contains(word);

    private static readonly HashSet<string> PlaceWords = BuildPlaceWords();

    private static HashSet<string> BuildPlaceWords()
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        IEnumerable<string> names = Cities.Select(c => c.City)
            .Concat(Capitals.Select(c => c.Capital))
            .Concat(Capitals.Select(c => c.Country));
        foreach (string name in names)
        {
            foreach (string part in name.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                // Generic name parts ("New" York, Mexico "City") would turn ordinary capitalised words into places.
                if (part.Length > 1 && char.IsUpper(part[0]) && part is not ("New" or "City" or "South" or "United" or "San" or "D.C."))
                {
                    words.Add(part.TrimEnd('.'));
                }
            }
        }

        return words;
    }
}
