

def test_a_weak_form_in_one_script_stays_weak_there_when_other_scripts_spell_it_strongly():
    from namenorm import Resolver
    from namenorm.model import Entity

    resolver = Resolver([Entity("oman", "Oman", "place", aliases=("オマーン",), weak=("오만",))])
    assert resolver.resolve("오만").method == "weak"  # "arrogance" in Korean
    assert resolver.resolve("Oman").method == resolver.resolve("オマーン").method == "exact"
    both = Resolver([Entity("oman", "Oman", "place", aliases=("오만",), weak=("오만",))])
    assert both.resolve("오만").method == "exact"  # strong in Hangul too
