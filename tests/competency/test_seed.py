def test_unodc_has_french_acronym(ask):
    assert ask('SELECT ?l WHERE { id:unodc skos:altLabel ?l FILTER(lang(?l) = "fr") }') == {
        ("ONUDC",), ("UNODC",), ("Office",)
    }
