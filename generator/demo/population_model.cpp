#include "demo/population_model.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "demo/random.hpp"

namespace ss::demo {

namespace {

// Rounded inhabitants around 2025 for the municipalities whose size shapes the picture: the
// largest cities and the smallest places. From general knowledge, not from a data file.
const std::map<std::string, int>& known_inhabitants() {
    static const std::map<std::string, int> known = {
        {"Amsterdam", 931000}, {"Rotterdam", 670000}, {"'s-Gravenhage", 566000},
        {"Utrecht", 374000}, {"Eindhoven", 246000}, {"Groningen", 243000}, {"Tilburg", 227000},
        {"Almere", 226000}, {"Breda", 186000}, {"Nijmegen", 182000}, {"Apeldoorn", 168000},
        {"Arnhem", 167000}, {"Haarlem", 165000}, {"Haarlemmermeer", 163000}, {"Enschede", 161000},
        {"Amersfoort", 161000}, {"Zaanstad", 160000}, {"'s-Hertogenbosch", 160000},
        {"Zwolle", 133000}, {"Zoetermeer", 128000}, {"Leiden", 127000}, {"Leeuwarden", 127000},
        {"Maastricht", 123000}, {"Dordrecht", 122000}, {"Ede", 122000}, {"Westland", 115000},
        {"Alphen aan den Rijn", 115000}, {"Alkmaar", 111000}, {"Emmen", 108000}, {"Delft", 106000},
        {"Venlo", 103000}, {"Deventer", 102000}, {"Amstelveen", 96000}, {"Helmond", 94000},
        {"Oss", 94000}, {"Hilversum", 93000}, {"Purmerend", 93000}, {"Súdwest-Fryslân", 92000},
        {"Land van Cuijk", 92000}, {"Sittard-Geleen", 91000}, {"Dijk en Waard", 90000},
        {"Hoeksche Waard", 89000}, {"Heerlen", 87000}, {"Nissewaard", 86000},
        {"Meierijstad", 83000}, {"Hengelo (O.)", 82000}, {"Lelystad", 82000}, {"Schiedam", 80000},
        {"Roosendaal", 78000}, {"Leidschendam-Voorburg", 78000}, {"Gouda", 75000},
        {"Hoorn", 75000}, {"Vlaardingen", 75000}, {"Almelo", 74000}, {"Voorne aan Zee", 71000},
        {"Velsen", 69000}, {"Assen", 69000}, {"Capelle aan den IJssel", 68000},
        {"Veenendaal", 68000}, {"Bergen op Zoom", 68000}, {"Katwijk", 67000}, {"Zeist", 66000},
        {"Westerkwartier", 66000}, {"Stichtse Vecht", 66000}, {"Lansingerland", 65000},
        {"Nieuwegein", 64000}, {"Hardenberg", 62000}, {"Midden-Groningen", 61000},
        {"Barneveld", 61000}, {"Maashorst", 61000}, {"Gooise Meren", 60000},
        {"Doetinchem", 59000}, {"Roermond", 59000}, {"Rijswijk (ZH.)", 58000},
        {"Krimpenerwaard", 58000}, {"Den Helder", 57000}, {"Oosterhout", 57000},
        {"Smallingerland", 57000}, {"Pijnacker-Nootdorp", 57000}, {"Hoogeveen", 56000},
        {"Kampen", 55000}, {"Terneuzen", 55000}, {"Woerden", 54000}, {"De Fryske Marren", 53000},
        {"Heerenveen", 52000}, {"West Betuwe", 52000}, {"Goeree-Overflakkee", 51000},
        {"Weert", 51000}, {"Houten", 51000}, {"Middelburg (Z.)", 50000},
        {"Utrechtse Heuvelrug", 50000}, {"Hollands Kroon", 50000}, {"Barendrecht", 49500},
        {"Noordoostpolder", 49000}, {"Zutphen", 49000}, {"Harderwijk", 49000},
        {"Waalwijk", 49000}, {"Overbetuwe", 49000}, {"Het Hogeland", 48000},
        {"Lingewaard", 48000}, {"Ridderkerk", 47000}, {"Zuidplas", 47000}, {"Schagen", 47000},
        {"Soest", 47000}, {"Eemsdelta", 46000}, {"Heusden", 46000}, {"Medemblik", 46000},
        {"Vlissingen", 45000}, {"Venray", 45000}, {"Etten-Leur", 45000}, {"Zevenaar", 45000},
        {"Zwijndrecht", 45000}, {"Molenlanden", 45000}, {"Noordwijk", 44000}, {"Rheden", 44000},
        {"Dronten", 43000}, {"Tiel", 43000}, {"Beverwijk", 43000}, {"Huizen", 41000},
        {"Wijchen", 41000}, {"Heemskerk", 40000}, {"Goes", 39000}, {"Oldambt", 39000},
        {"Teylingen", 38500}, {"Gorinchem", 38000}, {"Moerdijk", 38000},
        {"Edam-Volendam", 37000}, {"Castricum", 36500}, {"Bodegraven-Reeuwijk", 36000},
        {"Berg en Dal", 36000}, {"Meppel", 35000}, {"Coevorden", 35000}, {"Tynaarlo", 35000},
        {"Maassluis", 34000}, {"Diemen", 33000}, {"Aalsmeer", 33000}, {"Midden-Drenthe", 33000},
        {"Papendrecht", 32500}, {"Hendrik-Ido-Ambacht", 32500}, {"Renkum", 32000},
        {"Stadskanaal", 32000}, {"Noordenveld", 32000}, {"Waddinxveen", 32000},
        {"Uithoorn", 31000}, {"Culemborg", 30000}, {"Bergen (NH.)", 30000},
        {"Krimpen aan den IJssel", 29500}, {"Nieuwkoop", 29500}, {"Veendam", 28000},
        {"Leiderdorp", 28000}, {"Kaag en Braassem", 28000}, {"Heemstede", 27500},
        {"Wassenaar", 27000}, {"Albrandswaard", 26000}, {"Westerwolde", 26000},
        {"Voorschoten", 26000}, {"Oegstgeest", 26000}, {"Sliedrecht", 25800},
        {"Borger-Odoorn", 25000}, {"Heiloo", 24500}, {"Bloemendaal", 24000}, {"Zeewolde", 24000},
        {"Lisse", 23500}, {"Koggenland", 23000}, {"Hillegom", 22500}, {"Urk", 22000},
        {"Stede Broec", 22000}, {"Alblasserdam", 20500}, {"Drechterland", 20000},
        {"Midden-Delfland", 20000}, {"Enkhuizen", 19000}, {"Hardinxveld-Giessendam", 18500},
        {"Zandvoort", 17500}, {"Waterland", 17000}, {"Wormerland", 16500}, {"Westervoort", 15000},
        {"Ouder-Amstel", 14500}, {"Montfoort", 14000}, {"Uitgeest", 13800}, {"Texel", 13700},
        {"Hattem", 12600}, {"Pekela", 12000}, {"Blaricum", 12000}, {"Opmeer", 12000},
        {"Landsmeer", 11500}, {"Laren (NH.)", 11500}, {"Doesburg", 11500},
        {"Simpelveld", 10500}, {"Oudewater", 10400}, {"Scherpenzeel", 10300},
        {"Oostzaan", 10000}, {"Vaals", 10000}, {"Eemnes", 9500}, {"Zoeterwoude", 9000},
        {"Mook en Middelaar", 7900}, {"Noord-Beveland", 7700}, {"Baarle-Nassau", 7000},
        {"Renswoude", 5700}, {"Terschelling", 4950}, {"Ameland", 3800}, {"Rozendaal", 1700},
        {"Vlieland", 1150}, {"Schiermonnikoog", 950},
    };
    return known;
}

// Share of 0-17 year olds: younger in Urk and Bible-belt towns, older on the islands and in
// the large student cities.
double youth_share(const MunicipalityRef& m, double inhabitants) {
    static const std::map<std::string, double> known = {
        {"Urk", 0.33}, {"Staphorst", 0.27}, {"Bunschoten", 0.25}, {"Rijssen-Holten", 0.24},
        {"Schiermonnikoog", 0.13}, {"Vlieland", 0.14}, {"Ameland", 0.17}, {"Terschelling", 0.16},
        {"Amsterdam", 0.165}, {"Groningen", 0.145}, {"Utrecht", 0.19}, {"Leiden", 0.15},
        {"Maastricht", 0.135}, {"Delft", 0.14}, {"Wageningen", 0.14}, {"Nijmegen", 0.155},
    };
    if (auto it = known.find(m.name); it != known.end()) return it->second;
    Rng rng = Rng::derived(0x5EED, "youth-share/" + m.code);
    const double base = inhabitants > 150000 ? 0.18 : 0.195;
    return base + rng.uniform(-0.02, 0.025);
}

} // namespace

PopulationEstimate estimate_population(const MunicipalityRef& m, int year) {
    double inhabitants;
    if (auto it = known_inhabitants().find(m.name); it != known_inhabitants().end()) {
        inhabitants = it->second;
    } else {
        // A log-normal around 26,000 (median of Dutch municipalities), between 8,000 and 60,000.
        Rng rng = Rng::derived(0x5EED, "inhabitants/" + m.code);
        inhabitants = std::clamp(rng.lognormal_with_mean(28000, 0.35), 8000.0, 60000.0);
    }
    // Around 0.6% growth a year; the 2025 size is the anchor.
    inhabitants *= std::pow(1.006, year - 2025);
    const double youths = inhabitants * youth_share(m, inhabitants) * std::pow(0.998, year - 2025);
    return {std::llround(inhabitants), std::llround(youths)};
}

} // namespace ss::demo
