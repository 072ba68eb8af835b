namespace Bytez.AI.Emulator.Behaviors.Input;

/// <summary>
/// What the emulator "sees" in an image: a scene picked by keywords in the URL ("cats-and-dogs.jpg" shows cats), or
/// by the input's hash when the URL says nothing (inline data, "image.jpg"). Every image task describes the same
/// scene, so captions, labels, boxes and answers agree with each other.
/// </summary>
internal sealed record ImageScene(
    string Subject,
    string Category,
    string Caption,
    string Color,
    string[] ImageNetLabels,
    string[] CocoObjects,
    string[] Keywords)
{
    private static readonly ImageScene[] Scenes =
    [
        new("cat", "animal", "a cat sitting on a couch", "gray",
            ["tabby, tabby cat", "tiger cat", "Egyptian cat", "Persian cat", "lynx, catamount"], ["cat", "couch", "remote"],
            ["cat", "cats", "kitten", "kittens", "kitty"]),
        new("dog", "animal", "a dog running in a park", "brown",
            ["golden retriever", "Labrador retriever", "cocker spaniel, English cocker spaniel", "kuvasz", "tennis ball"], ["dog", "frisbee", "bench"],
            ["dog", "dogs", "puppy", "puppies"]),
        new("car", "vehicle", "a red car parked on a street", "red",
            ["sports car, sport car", "convertible", "racer, race car, racing car", "car wheel", "grille, radiator grille"], ["car", "traffic light", "person"],
            ["car", "cars", "vehicle", "street", "traffic"]),
        new("fruit", "food", "a bowl of fruit on a wooden table", "yellow",
            ["banana", "orange", "Granny Smith", "lemon", "pineapple, ananas"], ["banana", "bowl", "dining table"],
            ["fruit", "fruits", "food", "banana", "apple", "kitchen"]),
        new("mountain", "landscape", "a mountain landscape with a river", "green",
            ["alp", "valley, vale", "lakeside, lakeshore", "volcano", "cliff, drop, drop-off"], ["boat", "bird"],
            ["mountain", "mountains", "landscape", "river", "lake", "nature"]),
        new("person", "person", "a person standing on a beach", "blue",
            ["seashore, coast, seacoast, sea-coast", "sandbar, sand bar", "swimming trunks, bathing trunks", "sunglasses, dark glasses, shades", "volleyball"], ["person", "surfboard", "umbrella"],
            ["person", "people", "man", "woman", "beach", "portrait", "fashion"]),
        new("document", "document", "a printed invoice with a table of items", "white",
            ["envelope", "menu", "web site, website, internet site, site", "packet", "book jacket, dust cover, dust jacket, dust wrapper"], ["book"],
            ["invoice", "receipt", "document", "form", "pdf", "scan"]),
    ];

    /// <summary>The animal scenes, for questions that ask about an animal.</summary>
    public static IReadOnlyList<ImageScene> Animals { get; } = Scenes.Where(s => s.Category == "animal").ToArray();

    public static ImageScene For(MediaInput media)
    {
        List<(ImageScene Scene, string Word)> matches = [];
        foreach (string word in media.Words)
        {
            ImageScene? scene = Array.Find(Scenes, s => s.Keywords.Contains(word));
            if (scene is not null && !matches.Exists(m => m.Scene == scene))
            {
                matches.Add((scene, word));
            }
        }

        if (matches.Count == 0)
        {
            // Hash-chosen scenes skip "document": a generic photo is not a document.
            return Scenes[(int)(media.Seed % (ulong)(Scenes.Length - 1))];
        }

        ImageScene first = matches[0].Scene;
        return matches.Count == 1
            ? first
            : first with { Caption = "a picture of " + string.Join(" and ", matches.Select(m => m.Word)) };
    }
}
